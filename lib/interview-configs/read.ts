import { and, eq, inArray } from "drizzle-orm";
import { interviewConfigs } from "@/db/interview-configs";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import type { Page } from "@/lib/api/schemas/common";
import { newestFirstPage } from "@/lib/db/newest-first";
import { isId } from "@/lib/ids";
import { serializeInterviewConfig } from "./serialize";

export async function getInterviewConfig(db: Db, ctx: Ctx, id: string) {
  if (!isId("config", id)) throw notFound("Interview config");
  const [row] = await db
    .select()
    .from(interviewConfigs)
    .where(and(eq(interviewConfigs.id, id), inOrg(interviewConfigs, ctx)));
  if (!row) throw notFound("Interview config");
  return serializeInterviewConfig(row);
}

/** Newest first, id breaking ties, so pages neither repeat nor skip rows created together. */
export async function listInterviewConfigs(db: Db, ctx: Ctx, page: Page) {
  const { rows, total } = await newestFirstPage(db, interviewConfigs, inOrg(interviewConfigs, ctx), page);
  return { items: rows.map(serializeInterviewConfig), total };
}

/** Which of these ids are the organisation's configurations (for validating references). */
export async function existingConfigIds(db: Db, ctx: Ctx, ids: string[]): Promise<Set<string>> {
  const wellFormed = ids.filter((id) => isId("config", id));
  if (!wellFormed.length) return new Set();
  const rows = await db
    .select({ id: interviewConfigs.id })
    .from(interviewConfigs)
    .where(and(inOrg(interviewConfigs, ctx), inArray(interviewConfigs.id, wellFormed)));
  return new Set(rows.map((r) => r.id));
}

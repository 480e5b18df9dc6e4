import { and, eq } from "drizzle-orm";
import { reports } from "@/db/reports";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { getDecision } from "@/lib/decisions/read";
import { isId } from "@/lib/ids";
import { serializeReport } from "./serialize";

export async function getReport(db: Db, ctx: Ctx, id: string) {
  if (!isId("report", id)) throw notFound("Report");
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), inOrg(reports, ctx)));
  if (!row) throw notFound("Report");
  return serializeReport(row, await getDecision(db, ctx, row.interviewId));
}

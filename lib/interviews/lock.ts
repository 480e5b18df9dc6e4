import { and, eq } from "drizzle-orm";
import { interviews, type Interview } from "@/db/interviews";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { notFound } from "../errors";
import { isId } from "../ids";

/** The interview row, locked for the rest of the transaction; 404 unless it is the caller's. */
export async function lockInterview(tx: Db, ctx: Ctx, id: string): Promise<Interview> {
  if (!isId("interview", id)) throw notFound("Interview");
  const [row] = await tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, id), eq(interviews.organizationId, ctx.organizationId)))
    .for("update");
  if (!row) throw notFound("Interview");
  return row;
}

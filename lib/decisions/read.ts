import { and, desc, eq, inArray } from "drizzle-orm";
import { interviewDecisions } from "@/db/interview-decisions";
import { users } from "@/db/users";
import { type DecisionOut, decisionSchema } from "@/lib/api/schemas/decisions";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";

/** The current (newest) decision of each of these interviews; an interview without one is absent. */
export async function currentDecisions(db: Db, ctx: Ctx, interviewIds: string[]): Promise<Map<string, DecisionOut>> {
  if (interviewIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([interviewDecisions.interviewId], { decision: interviewDecisions, userName: users.name })
    .from(interviewDecisions)
    .leftJoin(users, and(eq(interviewDecisions.actorType, "user"), eq(users.id, interviewDecisions.actorId)))
    .where(and(inOrg(interviewDecisions, ctx), inArray(interviewDecisions.interviewId, interviewIds)))
    .orderBy(interviewDecisions.interviewId, desc(interviewDecisions.createdAt), desc(interviewDecisions.id));
  return new Map(
    rows.map(({ decision: d, userName }) => [
      d.interviewId,
      decisionSchema.parse({
        id: d.id,
        outcome: d.outcome,
        agreesWithRecommendation: d.agreesWithRecommendation,
        reason: d.reason,
        recommendation: d.recommendation,
        reportId: d.reportId,
        decidedBy: { type: d.actorType, id: d.actorId, name: userName ?? null },
        decidedAt: d.createdAt.toISOString(),
      }),
    ]),
  );
}

export async function getDecision(db: Db, ctx: Ctx, interviewId: string): Promise<DecisionOut | null> {
  return (await currentDecisions(db, ctx, [interviewId])).get(interviewId) ?? null;
}

import { z } from "zod";
import { recordAudit } from "../audit";
import { endMemberSessions } from "../console-sessions/store";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { notFound } from "../errors";
import { getMembership } from "../users";
import { assertCanManageMembers } from "./access";

export const revokeMemberSessionsInput = z.object({ userId: z.string().min(1).max(64) });

/**
 * Signs a member out of the context's organisation everywhere (every browser, open live streams
 * included). Members may do it to themselves; owners and admins to anyone.
 */
export async function revokeMemberSessions(db: Db, ctx: Ctx, input: z.input<typeof revokeMemberSessionsInput>) {
  const { userId } = revokeMemberSessionsInput.parse(input);
  if (!(ctx.actor.type === "user" && ctx.actor.id === userId)) assertCanManageMembers(ctx);
  return db.transaction(async (tx) => {
    if (!(await getMembership(tx, userId, ctx.organizationId))) throw notFound("Member");
    const sessionsEnded = await endMemberSessions(tx, { userId, organizationId: ctx.organizationId });
    await recordAudit(tx, ctx, { action: "member.sessions_revoked", targetType: "user", targetId: userId, data: { sessionsEnded } });
    return { userId, sessionsEnded };
  });
}

import { eq } from "drizzle-orm";
import { z } from "zod";
import { memberships } from "@/db/memberships";
import { recordAudit } from "../audit";
import { endMemberSessions } from "../console-sessions/store";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { assertCanManageMembers, assertMayTouchOwners, assertNotLastOwner, lockMembership } from "./access";

export const removeMemberInput = z.object({ userId: z.string().min(1).max(64) });

/**
 * Takes a user out of the context's organisation. Their console sessions there end at once:
 * the rows are deleted in the same transaction and open live streams are told on commit.
 * The user account stays (it may belong to other organisations).
 */
export async function removeMember(db: Db, ctx: Ctx, input: z.input<typeof removeMemberInput>) {
  assertCanManageMembers(ctx);
  const { userId } = removeMemberInput.parse(input);
  return db.transaction(async (tx) => {
    const { target, owners } = await lockMembership(tx, ctx, userId);
    if (target.role === "owner") assertMayTouchOwners(ctx);
    assertNotLastOwner(target, owners);
    await tx.delete(memberships).where(eq(memberships.id, target.id));
    const sessionsEnded = await endMemberSessions(tx, { userId, organizationId: ctx.organizationId });
    await recordAudit(tx, ctx, { action: "member.removed", targetType: "user", targetId: userId, data: { role: target.role, sessionsEnded } });
    return { userId, role: target.role, sessionsEnded };
  });
}

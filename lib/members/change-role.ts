import { eq } from "drizzle-orm";
import { z } from "zod";
import { membershipRole, memberships } from "@/db/memberships";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { assertCanManageMembers, assertMayTouchOwners, assertNotLastOwner, lockMembership } from "./access";

export const changeMemberRoleInput = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(membershipRole.enumValues),
});

/**
 * Gives a member another role. Sessions are not touched: every console request reads the role
 * from the membership, so the change applies from the member's next request.
 */
export async function changeMemberRole(db: Db, ctx: Ctx, input: z.input<typeof changeMemberRoleInput>) {
  assertCanManageMembers(ctx);
  const { userId, role } = changeMemberRoleInput.parse(input);
  return db.transaction(async (tx) => {
    const { target, owners } = await lockMembership(tx, ctx, userId);
    if (target.role === role) return { userId, role, previousRole: target.role };
    if (target.role === "owner" || role === "owner") assertMayTouchOwners(ctx);
    assertNotLastOwner(target, owners);
    await tx.update(memberships).set({ role }).where(eq(memberships.id, target.id));
    await recordAudit(tx, ctx, { action: "member.role_changed", targetType: "user", targetId: userId, data: { from: target.role, to: role } });
    return { userId, role, previousRole: target.role };
  });
}

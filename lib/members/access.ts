import { and, eq } from "drizzle-orm";
import { memberships, type Membership, type MembershipRole } from "@/db/memberships";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { AppError, invalidState, notFound } from "../errors";

const MANAGERS: readonly MembershipRole[] = ["owner", "admin"];

/** Owners and admins manage the team; the CLI (a system actor) may too. */
export function assertCanManageMembers(ctx: Ctx): void {
  const { actor } = ctx;
  if (actor.type === "system") return;
  if (actor.type === "user" && MANAGERS.includes(actor.role)) return;
  throw new AppError("forbidden", "Only owners and admins manage the organisation's members.");
}

/** Only an owner hands out, takes away or touches the owner role. */
export function assertMayTouchOwners(ctx: Ctx): void {
  if (ctx.actor.type === "user" && ctx.actor.role !== "owner") {
    throw new AppError("forbidden", "Only an owner may change or remove an owner, or make someone an owner.");
  }
}

/**
 * The target's membership in the context's organisation, locked for the rest of the
 * transaction together with every owner's row, so two owners demoting each other at once
 * cannot leave the organisation without one.
 */
export async function lockMembership(tx: Db, ctx: Ctx, userId: string): Promise<{ target: Membership; owners: number }> {
  const owners = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(inOrg(memberships, ctx), eq(memberships.role, "owner")))
    .orderBy(memberships.id)
    .for("update");
  const [target] = await tx
    .select()
    .from(memberships)
    .where(and(inOrg(memberships, ctx), eq(memberships.userId, userId)))
    .for("update");
  if (!target) throw notFound("Member");
  return { target, owners: owners.length };
}

export function assertNotLastOwner(target: Membership, owners: number): void {
  if (target.role === "owner" && owners <= 1) throw invalidState("An organisation keeps at least one owner.");
}


import { eq } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { rateLimited } from "./retry-after";
import { hitWindow } from "./window";

/**
 * Invitation e-mails are a spam vector: each organisation may send at most
 * `organizations.invitations_per_hour` of them per clock hour. Call before queueing an e-mail.
 */
export async function consumeInvitationQuota(db: Db, ctx: Ctx, count = 1): Promise<void> {
  const [org] = await db
    .select({ perHour: organizations.invitationsPerHour })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId));
  const limit = org?.perHour ?? 0;
  const result = await hitWindow(db, `invitations:${ctx.organizationId}`, 3600, limit, count);
  if (!result.allowed) {
    throw rateLimited(result.resetAt, (s) => `This organisation may send ${limit} invitations per hour; try again in ${s} s.`, { limit, scope: "invitations" });
  }
}

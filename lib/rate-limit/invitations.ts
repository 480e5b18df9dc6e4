import { eq } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { AppError } from "../errors";
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
    const retryAfter = Math.max(1, Math.ceil((result.resetAt.getTime() - Date.now()) / 1000));
    throw new AppError("rate_limited", `This organisation may send ${limit} invitations per hour; try again in ${retryAfter} s.`, {
      headers: { "Retry-After": String(retryAfter) },
      extra: { limit, scope: "invitations" },
    });
  }
}

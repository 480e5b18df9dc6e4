import type { MembershipRole } from "@/db/memberships";
import type { Ctx } from "@/lib/context";

export type ConsoleSession = { userId: string; organizationId: string; role: MembershipRole };

/** The domain context of a console user: the same for pages, server actions and console routes. */
export const consoleCtx = (session: ConsoleSession, requestId?: string): Ctx => ({
  organizationId: session.organizationId,
  actor: { type: "user", id: session.userId, role: session.role },
  requestId,
});

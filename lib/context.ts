import type { MembershipRole } from "@/db/memberships";

// Who is acting. Domain functions take this with the db handle; every query is scoped by
// `organizationId`, and audit rows record the actor.
export type Actor =
  | { type: "api_key"; id: string }
  | { type: "user"; id: string; role: MembershipRole }
  | { type: "agent"; id?: string }
  // The candidate, through their invitation link (id: the interview).
  | { type: "candidate"; id: string }
  | { type: "system"; id?: string };

export type Ctx = {
  organizationId: string;
  actor: Actor;
  requestId?: string;
};

export const systemCtx = (organizationId: string, id = "cli"): Ctx => ({
  organizationId,
  actor: { type: "system", id },
});

import type { InterviewConfig, InterviewConfigSnapshot } from "@/db/interview-configs";
import { interviews, type Interview } from "@/db/interviews";
import type { Db } from "../db/types";
import { newId } from "../ids";
import { newInvitationToken } from "../invitation-token";
import { INVITATION_TTL_MS } from "../interviews/invitation-link";
import { snapshotOf } from "../interviews/references";

// The one way the demo seed, the tests and the benchmarks write an interview row directly
// (bypassing createInterview, to put it in any state); the scale-data generator's set-based
// SQL uses the same room name and expiry.

/** The LiveKit room of an interview's voice session. */
export const ROOM_NAME_PREFIX = "interview-";

export type NewInterviewRow = typeof interviews.$inferInsert;

export type InterviewRowRefs = {
  organizationId: string;
  candidateId: string;
  jobId: string;
  /** A stored configuration (snapshotted, and referenced), or a snapshot alone (no configId). */
  config: InterviewConfig | { snapshot: InterviewConfigSnapshot };
};

/**
 * An interview row as createInterview writes one: INVITED, its configuration frozen, a fresh
 * invitation link valid for the usual time, its room. `over` sets anything else (status, dates,
 * campaign…); an undefined value there keeps the default.
 */
export function newInterviewRow(refs: InterviewRowRefs, over: Partial<NewInterviewRow> = {}): { values: NewInterviewRow; token: string } {
  const { token, hash } = newInvitationToken();
  const id = over.id ?? newId("interview");
  const config = "snapshot" in refs.config ? { configId: null, configSnapshot: refs.config.snapshot } : { configId: refs.config.id, configSnapshot: snapshotOf(refs.config) };
  const given = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined));
  const values: NewInterviewRow = {
    id,
    organizationId: refs.organizationId,
    candidateId: refs.candidateId,
    jobId: refs.jobId,
    ...config,
    status: "INVITED",
    invitationTokenHash: hash,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    roomName: `${ROOM_NAME_PREFIX}${id}`,
    ...given,
  };
  return { values, token };
}

/** Inserts newInterviewRow(refs, over); returns the stored row and the link's token. */
export async function insertInterviewRow(db: Db, refs: InterviewRowRefs, over: Partial<NewInterviewRow> = {}): Promise<{ interview: Interview; token: string }> {
  const { values, token } = newInterviewRow(refs, over);
  const [interview] = await db.insert(interviews).values(values).returning();
  return { interview: interview!, token };
}

import { isId } from "@/lib/ids";

// One candidate identity per interview: a second connection with it (a reload, a second tab)
// replaces the first in LiveKit, so a room never holds two candidates of one interview.
const CANDIDATE_PREFIX = "candidate-";

export const candidateIdentity = (interviewId: string) => `${CANDIDATE_PREFIX}${interviewId}`;

/** The interview a candidate identity belongs to, or null for any other participant (the agent). */
export function interviewOfCandidate(identity: string | undefined): string | null {
  if (!identity?.startsWith(CANDIDATE_PREFIX)) return null;
  const id = identity.slice(CANDIDATE_PREFIX.length);
  return isId("interview", id) ? id : null;
}

/** Rooms are named `interview-<id>` when the interview is created (lib/interviews/create.ts). */
export function interviewOfRoom(roomName: string | undefined): string | null {
  const id = roomName?.startsWith("interview-") ? roomName.slice("interview-".length) : null;
  return id && isId("interview", id) ? id : null;
}

import { invalidState } from "@/lib/errors";
import { effectiveStatus, isFinal } from "@/lib/interviews/status";
import type { LockedInterview } from "../interviews/lock";

/** Turns are written while the interview may still happen; completed, cancelled and expired are final. */
export function assertAcceptsTurns(interview: LockedInterview): void {
  const status = effectiveStatus(interview);
  if (isFinal(status)) throw invalidState(`The interview is ${status}; its transcript can no longer change.`);
}

import type { InterviewStatus } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { AppError, notFound } from "@/lib/errors";
import { findInvitationTarget, type InvitationTarget, type OpenInvitation } from "@/lib/interviews/invitation-link";

export type OpenTarget = Omit<InvitationTarget, "view"> & { view: OpenInvitation };

const CLOSED: Partial<Record<InterviewStatus, () => AppError>> = {
  CANCELLED: () => new AppError("interview_cancelled", "This interview was cancelled."),
  EXPIRED: () => new AppError("interview_expired", "This invitation has expired."),
  COMPLETED: () => new AppError("interview_completed", "This interview is complete."),
};

/** The 410 of an interview that is over, or null while it may still happen. */
export const closedError = (status: InterviewStatus): AppError | null => CLOSED[status]?.() ?? null;

/**
 * The interview a link opens: 404 for an unknown or malformed token (saying nothing about any
 * interview), 410 with the reason for one that is over.
 */
export async function openTarget(db: Db, token: string): Promise<OpenTarget> {
  const target = await findInvitationTarget(db, token);
  if (!target) throw notFound("Invitation");
  const closed = closedError(target.status);
  if (closed || target.view.state !== "open") throw closed ?? notFound("Invitation");
  return { ...target, view: target.view };
}

/** Acting as the candidate, in the interview's organisation. */
export const candidateCtx = (target: Pick<InvitationTarget, "interviewId" | "organizationId">, requestId?: string): Ctx => ({
  organizationId: target.organizationId,
  actor: { type: "candidate", id: target.interviewId },
  ...(requestId ? { requestId } : {}),
});

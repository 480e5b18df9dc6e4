import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { emails, INVITATION_EMAIL_KIND, type Email } from "@/db/emails";
import { interviews, type Interview, type InterviewStatus } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { interviewListItemSchema, type InterviewListItem } from "@/lib/api/schemas/interviews";
import { iso } from "@/lib/api/schemas/common";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { effectiveStatusSql } from "./status";

type LatestEmail = Pick<Email, "id" | "status" | "sentAt">;

/** The interview columns a list item shows (not the configuration snapshot nor the token hash). */
export const listedColumns = {
  id: interviews.id,
  campaignId: interviews.campaignId,
  stageId: interviews.stageId,
  configId: interviews.configId,
  expiresAt: interviews.expiresAt,
  invitedAt: interviews.invitedAt,
  startedAt: interviews.startedAt,
  endedAt: interviews.endedAt,
  cancelledAt: interviews.cancelledAt,
  createdAt: interviews.createdAt,
  updatedAt: interviews.updatedAt,
  audioUrl: interviews.audioUrl,
  reportId: interviews.reportId,
  invitationEmailStatus: interviews.invitationEmailStatus,
  invitationEmailError: interviews.invitationEmailError,
};
type ListedInterview = Pick<Interview, keyof typeof listedColumns>;

export type InterviewRow = {
  interview: ListedInterview;
  status: InterviewStatus;
  candidate: { id: string; firstName: string; lastName: string; email: string };
  job: { id: string; title: string };
};

/** Interviews with what every response shows beside them; `where` is ANDed with the organisation filter. */
export function selectInterviews(db: Db, ctx: Ctx, where?: SQL) {
  return db
    .select({
      interview: interviews,
      // Computed by the database, so a row matched by ?status=EXPIRED also reads EXPIRED.
      status: effectiveStatusSql,
      candidate: { id: candidates.id, firstName: candidates.firstName, lastName: candidates.lastName, email: candidates.email },
      job: { id: jobs.id, title: jobs.title },
    })
    .from(interviews)
    .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx)))
    .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, ctx)))
    .where(and(inOrg(interviews, ctx), where));
}

/** The newest invitation e-mail of each interview, in one query for a whole page. */
export async function latestInvitationEmails(db: Db, ctx: Ctx, interviewIds: string[]): Promise<Map<string, LatestEmail & { interviewId: string | null }>> {
  if (!interviewIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([emails.interviewId], { id: emails.id, interviewId: emails.interviewId, status: emails.status, sentAt: emails.sentAt })
    .from(emails)
    .where(
      and(inOrg(emails, ctx), eq(emails.kind, INVITATION_EMAIL_KIND), inArray(emails.interviewId, interviewIds)),
    )
    .orderBy(emails.interviewId, desc(emails.createdAt), desc(emails.id));
  return new Map(rows.map((r) => [r.interviewId!, r]));
}

export function toListItem(row: InterviewRow, email: LatestEmail | null | undefined): InterviewListItem {
  const i = row.interview;
  // With no e-mail provider configured the interview stays QUEUED; say where the e-mail really is.
  const emailStatus = i.invitationEmailStatus === "QUEUED" && email?.status === "OUTBOX" ? "OUTBOX" : i.invitationEmailStatus;
  return interviewListItemSchema.parse({
    id: i.id,
    status: row.status,
    candidate: row.candidate,
    job: row.job,
    campaignId: i.campaignId,
    stageId: i.stageId,
    configId: i.configId,
    expiresAt: iso(i.expiresAt),
    invitedAt: iso(i.invitedAt),
    startedAt: iso(i.startedAt),
    endedAt: iso(i.endedAt),
    cancelledAt: iso(i.cancelledAt),
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    audioUrl: i.audioUrl,
    reportId: i.reportId,
    invitation: {
      emailStatus,
      emailError: i.invitationEmailError,
      emailId: email?.id ?? null,
      emailSentAt: iso(email?.sentAt),
    },
  });
}

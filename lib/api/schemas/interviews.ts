import { z } from "zod";
import { interviewStatus } from "@/db/interviews";
import { paginationQuery } from "@/lib/http/pagination";
import { idOf, isoInput, listEnvelope, nullableTimestamp, timestamp } from "./common";
import { decisionSchema } from "./decisions";
import { evaluationSchema } from "./reports";

// Request and response schemas of /api/v1/interviews; they also feed the OpenAPI document.

export const interviewStatusSchema = z
  .enum(interviewStatus.enumValues)
  .describe("Effective status: an interview not started by its expiry reads as EXPIRED at once.");

// ---- requests ----

export const listInterviewsQuery = paginationQuery.extend({
  status: interviewStatusSchema.optional(),
  jobId: idOf("job", "job_4Xq9bT2mK7pLr3VwZs8aHc").optional().describe("Only this job's interviews."),
  campaignId: idOf("campaign", "camp_8Jd2nWq5Rt1yXk4Lm7PbGe").optional().describe("Only this campaign's interviews."),
  createdAfter: isoInput.optional().describe("Only interviews created strictly after this instant (ISO 8601)."),
  updatedAfter: isoInput.optional().describe("Only interviews changed strictly after this instant (ISO 8601): incremental sync."),
});
export type ListInterviewsQuery = z.output<typeof listInterviewsQuery>;

const optionalRef = (kind: "campaign" | "stage" | "config", description: string) =>
  idOf(kind).nullish().transform((v) => v ?? null).describe(description);

export const createInterviewBody = z.object({
  candidateId: idOf("candidate", "cand_2Fh7kLp9Qw3Xz8Nm4Rt6Vb").describe("The candidate, in your organisation."),
  jobId: idOf("job", "job_4Xq9bT2mK7pLr3VwZs8aHc").describe("The job posting, in your organisation."),
  campaignId: optionalRef("campaign", "Hiring campaign; must be for the same job."),
  stageId: optionalRef("stage", "Stage of that campaign; requires campaignId."),
  configId: optionalRef("config", "Interview configuration; default: the stage's, else the organisation's default."),
  expiresAt: isoInput
    .nullish()
    .transform((v) => v ?? null)
    .describe("When the invitation link lapses (ISO 8601, future, at most 90 days from now). Default: 7 days from now.")
    .meta({ example: "2026-03-01T18:00:00Z" }),
  sendInvite: z.boolean().default(true).describe("Queue the invitation e-mail now (status INVITED) or not (status DRAFT)."),
});
export type CreateInterviewInput = z.output<typeof createInterviewBody>;

export const resendInvitationBody = z.object({
  expiresAt: isoInput
    .nullish()
    .transform((v) => v ?? null)
    .describe("New expiry (ISO 8601, future, at most 90 days from now); required to renew an EXPIRED invitation."),
});
export type ResendInvitationInput = z.output<typeof resendInvitationBody>;

// ---- responses ----

export const invitationSchema = z
  .object({
    emailStatus: z
      .enum(["NONE", "QUEUED", "SENT", "FAILED", "OUTBOX"])
      .describe("NONE: never sent; QUEUED: waiting for delivery; SENT; FAILED (see emailError); OUTBOX: no e-mail provider configured, kept in the local outbox."),
    emailError: z.string().nullable().describe("Why the last invitation e-mail could not be delivered."),
    emailId: z.string().nullable().describe("The latest invitation e-mail."),
    emailSentAt: nullableTimestamp,
  })
  .describe("Where the invitation e-mail stands. The link itself is only returned by create and resend-invitation.");

export const transcriptTurnSchema = z.object({
  turnNumber: z.number().int(),
  role: z.enum(["agent", "candidate"]),
  content: z.string(),
  audioUrl: z.string().nullable(),
  isPendingQuestion: z.boolean(),
  evaluation: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const interviewListItemSchema = z.object({
  id: idOf("interview", "int_7Gk2Pq9Xw4Lm8Rt3Vb6Zn1"),
  status: interviewStatusSchema,
  candidate: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), email: z.string() }),
  job: z.object({ id: z.string(), title: z.string() }),
  campaignId: z.string().nullable(),
  stageId: z.string().nullable(),
  configId: z.string().nullable(),
  expiresAt: timestamp,
  invitedAt: nullableTimestamp,
  startedAt: nullableTimestamp,
  endedAt: nullableTimestamp,
  cancelledAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  audioUrl: z.string().nullable(),
  reportId: z.string().nullable(),
  invitation: invitationSchema,
});
export type InterviewListItem = z.output<typeof interviewListItemSchema>;

export const consentSchema = z
  .object({
    id: z.string(),
    noticeVersion: z.string().describe("Version of the exact notice text the candidate was shown (first 16 hex characters of its SHA-256)."),
    locale: z.string().describe("Language of that notice."),
    mode: z.enum(["voice", "text"]).describe("How the candidate chose to take the interview."),
    createdAt: timestamp,
  })
  .describe("One consent the candidate gave when joining; every join adds one, none is ever changed.");
export type ConsentOut = z.output<typeof consentSchema>;

export const interviewSchema = interviewListItemSchema.extend({
  evaluation: evaluationSchema,
  decision: decisionSchema.nullable(),
  humanRequested: z.boolean().describe("The candidate asked for a person (or to stop) and the interviewer ended the interview."),
  humanRequestedAt: nullableTimestamp,
  consents: z.array(consentSchema).describe("The candidate's consents, oldest first."),
  transcript: z.array(transcriptTurnSchema).describe("Turns in order of turnNumber."),
});
export type InterviewOut = z.output<typeof interviewSchema>;

export const interviewWithLinkSchema = interviewSchema.extend({
  invitationUrl: z
    .url()
    .describe("The candidate's link. Shown only here: Parley stores a hash of it, so a resend mints a new link."),
});

export type InterviewWithLink = z.output<typeof interviewWithLinkSchema>;

export const interviewListSchema = listEnvelope(interviewListItemSchema);

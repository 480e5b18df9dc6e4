import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, real, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { campaignStages } from "./campaign-stages";
import { campaigns } from "./campaigns";
import { candidates } from "./candidates";
import { createdAt, ts, updatedAt } from "./columns";
import { interviewConfigs, type InterviewConfigSnapshot } from "./interview-configs";
import { jobs } from "./jobs";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

export const interviewStatus = pgEnum("interview_status", [
  "DRAFT",
  "INVITED",
  "IN_PROGRESS",
  "COMPLETED",
  "CANCELLED",
  "EXPIRED",
]);

// Where the invitation e-mail stands, so a delivery failure shows on the interview.
export const invitationEmailStatus = pgEnum("invitation_email_status", ["NONE", "QUEUED", "SENT", "FAILED"]);

export const interviews = pgTable(
  "interviews",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    candidateId: text("candidate_id").notNull(),
    jobId: text("job_id").notNull(),
    campaignId: text("campaign_id"),
    stageId: text("stage_id"),
    configId: text("config_id"),
    // Frozen copy of the configuration at creation: later edits never change a running interview.
    configSnapshot: jsonb("config_snapshot").$type<InterviewConfigSnapshot>().notNull(),
    status: interviewStatus("status").notNull().default("DRAFT"),
    // SHA-256 of the 32-byte invitation token; the token itself only ever travels in the link.
    invitationTokenHash: text("invitation_token_hash").notNull(),
    invitationEmailStatus: invitationEmailStatus("invitation_email_status").notNull().default("NONE"),
    invitationEmailError: text("invitation_email_error"),
    expiresAt: ts("expires_at").notNull(),
    invitedAt: ts("invited_at"),
    startedAt: ts("started_at"),
    endedAt: ts("ended_at"),
    cancelledAt: ts("cancelled_at"),
    // The candidate left the voice room (or it closed) and did not come back within the grace
    // period, the interview still IN_PROGRESS: when they left. Shown to the recruiter; turns stay.
    interruptedAt: ts("interrupted_at"),
    audioUrl: text("audio_url"),
    // The candidate asked for a person (or to stop) and the interviewer ended: recruiters see it.
    humanRequestedAt: ts("human_requested_at"),
    roomName: text("room_name").notNull(),
    // The latest report; older versions stay in reports.
    reportId: text("report_id"),
    // The current report's overall score while that report is READY, else null. Kept by
    // triggers on both tables (migration 0014_interview-overall-score), never written by code:
    // it lets the console sort by score and the dashboard average per job from an index.
    overallScore: real("overall_score"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference an interview
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("interviews_org_id_key").on(t.organizationId, t.id),
    sameOrgReference("interviews_candidate_id_fk", t, t.candidateId, candidates).onDelete("restrict"),
    sameOrgReference("interviews_job_id_fk", t, t.jobId, jobs).onDelete("restrict"),
    sameOrgReference("interviews_campaign_id_fk", t, t.campaignId, campaigns).onDelete("set null"),
    sameOrgReference("interviews_stage_id_fk", t, t.stageId, campaignStages).onDelete("set null"),
    sameOrgReference("interviews_config_id_fk", t, t.configId, interviewConfigs).onDelete("set null"),
    // GET /api/v1/interviews: newest first, id as tie-breaker for stable pages. Read backwards:
    // ascending columns scanned backwards are exactly `created_at desc, id desc` (a `.desc()`
    // column is DESC NULLS LAST, which no `order by … desc` can use). A page is found in the
    // index alone; only its rows are then read (lib/interviews/list.ts).
    index("interviews_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // ?status= and the console's status tabs: one range per stored status, newest first;
    // expires_at is carried so the effective status (lib/interviews/status.ts) is decided from
    // the index alone.
    index("interviews_org_status_created_idx").on(t.organizationId, t.status, t.createdAt, t.id, t.expiresAt),
    // ?jobId= filter, newest first.
    index("interviews_org_job_created_idx").on(t.organizationId, t.jobId, t.createdAt, t.id),
    // ?campaignId= filter and the campaign pipeline view, newest first.
    index("interviews_org_campaign_created_idx").on(t.organizationId, t.campaignId, t.createdAt, t.id),
    // ?updatedAfter= incremental sync.
    index("interviews_org_updated_idx").on(t.organizationId, t.updatedAt),
    // Effective-status totals: an organisation's not-started interviews already past expiry,
    // which read as EXPIRED until the sweep persists it (few: the sweep runs every minute).
    index("interviews_org_pending_expiry_idx")
      .on(t.organizationId, t.status, t.expiresAt)
      .where(sql`${t.status} in ('DRAFT', 'INVITED')`),
    // Dashboard: the completion rate counts interviews ever invited, by status, from this
    // small index alone (an index-only scan, no heap page of the wide rows is read).
    index("interviews_org_invited_status_idx")
      .on(t.organizationId, t.status)
      .where(sql`${t.invitedAt} is not null`),
    // Dashboard: interviews started per week, a range of the last twelve weeks.
    index("interviews_org_started_idx")
      .on(t.organizationId, t.startedAt)
      .where(sql`${t.startedAt} is not null`),
    // Dashboard: average score per job, from the index alone.
    index("interviews_org_job_score_idx")
      .on(t.organizationId, t.jobId, t.overallScore)
      .where(sql`${t.overallScore} is not null`),
    // Console, sorted by score: `overall_score desc nulls last, created_at desc, id desc` is
    // this index read backwards (nulls first ascending become nulls last descending).
    index("interviews_org_score_created_idx").on(t.organizationId, t.overallScore.asc().nullsFirst(), t.createdAt, t.id),
    // A candidate's interviews (candidate page).
    index("interviews_candidate_idx").on(t.candidateId),
    // The candidate's link page finds its interview by token hash.
    uniqueIndex("interviews_invitation_token_hash_key").on(t.invitationTokenHash),
    // Expiry sweep: not-started interviews whose link has lapsed.
    index("interviews_pending_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} in ('DRAFT', 'INVITED')`),
  ],
);

export type Interview = typeof interviews.$inferSelect;
export type InterviewStatus = (typeof interviewStatus.enumValues)[number];

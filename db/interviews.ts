import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { campaignStages } from "./campaign-stages";
import { campaigns } from "./campaigns";
import { candidates } from "./candidates";
import { createdAt, ts, updatedAt } from "./columns";
import { interviewConfigs, type InterviewConfigSnapshot } from "./interview-configs";
import { jobs } from "./jobs";
import { organizations } from "./organizations";

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
    candidateId: text("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "restrict" }),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "restrict" }),
    campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    stageId: text("stage_id").references(() => campaignStages.id, { onDelete: "set null" }),
    configId: text("config_id").references(() => interviewConfigs.id, { onDelete: "set null" }),
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
    audioUrl: text("audio_url"),
    // The candidate asked for a person (or to stop) and the interviewer ended: recruiters see it.
    humanRequestedAt: ts("human_requested_at"),
    roomName: text("room_name").notNull(),
    // The latest report; older versions stay in reports.
    reportId: text("report_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
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

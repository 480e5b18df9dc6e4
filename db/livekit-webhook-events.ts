import { sql } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

// Every LiveKit webhook Parley accepted, by LiveKit's own event id: LiveKit may deliver an event
// again, and the id's uniqueness makes the second delivery a no-op (lib/livekit/webhook.ts).
// Candidate joins are also what the interrupted check reads to see whether the candidate came
// back (lib/livekit/interrupted.ts). Swept after a week (LiveKit retries for minutes, not days).
export const livekitWebhookEvents = pgTable(
  "livekit_webhook_events",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    // The interview whose room or candidate the event is about; null for rooms not Parley's.
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id"),
    participantIdentity: text("participant_identity"),
    // For participant events: when that participant's connection began (LiveKit's joinedAt).
    // It orders a candidate's connections even when their webhooks arrive out of order (a
    // reload's new connection joins before the old one is reported gone).
    sessionStartedAt: ts("session_started_at"),
    // When LiveKit says the event happened.
    occurredAt: ts("occurred_at").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [
    // Both set for a Parley room (db/tenant-keys.ts); both null for any other room.
    sameOrgReference("livekit_webhook_events_interview_id_fk", t, t.interviewId, interviews).onDelete("cascade"),
    // The interrupted check: did the candidate connect again after a given connection began?
    index("livekit_webhook_events_candidate_joins_idx")
      .on(t.interviewId, t.sessionStartedAt)
      .where(sql`${t.event} = 'participant_joined'`),
    // The sweep of old events.
    index("livekit_webhook_events_received_idx").on(t.receivedAt),
  ],
);

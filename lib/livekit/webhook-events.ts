import { lt, sql } from "drizzle-orm";
import type { WebhookEvent } from "livekit-server-sdk";
import { livekitWebhookEvents } from "@/db/livekit-webhook-events";
import type { Db } from "@/lib/db/types";

const KEEP_DAYS = 7;

/** LiveKit's int64 seconds (or milliseconds) as a Date; null for unset (0). */
export const fromSeconds = (s: bigint | undefined) => (s ? new Date(Number(s) * 1000) : null);
const fromMs = (ms: bigint | undefined) => (ms ? new Date(Number(ms)) : null);

/** When a participant's connection began, as precisely as LiveKit says. */
export const sessionStart = (event: WebhookEvent) => fromMs(event.participant?.joinedAtMs) ?? fromSeconds(event.participant?.joinedAt);

/**
 * Records the event under LiveKit's id in the caller's transaction, so the event counts as
 * handled exactly when its effects commit. False when it was handled before (a redelivery).
 */
export async function recordOnce(
  tx: Db,
  event: WebhookEvent,
  about: { organizationId: string; interviewId: string } | null,
  occurredAt: Date,
): Promise<boolean> {
  const inserted = await tx
    .insert(livekitWebhookEvents)
    .values({
      id: event.id,
      event: event.event,
      organizationId: about?.organizationId ?? null,
      interviewId: about?.interviewId ?? null,
      participantIdentity: event.participant?.identity || null,
      sessionStartedAt: sessionStart(event),
      occurredAt,
    })
    .onConflictDoNothing({ target: livekitWebhookEvents.id })
    .returning({ id: livekitWebhookEvents.id });
  return inserted.length > 0;
}

/** Periodic: LiveKit redelivers for minutes; a week of ids is plenty to recognise a replay. */
export async function sweepLiveKitWebhookEvents(db: Db): Promise<void> {
  await db.delete(livekitWebhookEvents).where(lt(livekitWebhookEvents.receivedAt, sql`now() - make_interval(days => ${KEEP_DAYS})`));
}

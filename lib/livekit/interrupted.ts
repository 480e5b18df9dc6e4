import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { livekitWebhookEvents } from "@/db/livekit-webhook-events";
import { recordAudit } from "@/lib/audit";
import { type Ctx, systemCtx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { isId } from "@/lib/ids";
import { defineJob, enqueue } from "@/lib/queue/define";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { rejoinGraceMs } from "./config";
import { candidateIdentity } from "./identity";
import { inOrg } from "@/lib/db/in-org";

// A candidate who leaves the voice room (a closed tab, a lost network) or whose room closes
// without the interview being finalized may come back: the interview stays IN_PROGRESS and
// loses nothing. Only when the grace period has passed without them does the recruiter learn
// it was interrupted. The check runs as a durable delayed job, so a restart in between
// changes nothing.

const iso = z.iso.datetime({ offset: true });

// The agent writes what was said just before the candidate left a few seconds later; only a
// turn written well after they left shows the interview went on without the room.
const TRANSCRIPT_LAG_MS = 60_000;

export type Departure = {
  interviewId: string;
  /** The LiveKit event that reported it: one check per event, however often it is delivered. */
  eventId: string;
  reason: "participant_left" | "room_finished";
  /** When the candidate left (the event's time): stored as interruptedAt. */
  leftAt: Date;
  /**
   * A candidate connection that began after this is a return: the departed connection's own
   * start for participant_left (a reload's new connection may be reported before the old one
   * leaves), the room's end for room_finished.
   */
  since: Date;
};

export const interruptedCheckJob = defineJob({
  kind: "livekit.interrupted-check",
  payload: z.object({
    interviewId: z.string().refine((v) => isId("interview", v), "must be an interview id"),
    eventId: z.string().min(1),
    reason: z.enum(["participant_left", "room_finished"]),
    leftAt: iso,
    since: iso,
  }),
  maxAttempts: 5,
  dedupe: ({ interviewId, eventId }) => `livekit.interrupted-check:${interviewId}:${eventId}`,
  run: async (db, payload, job) => {
    await flagIfStillAway(db, systemCtx(job.organizationId!, "livekit"), {
      ...payload,
      leftAt: new Date(payload.leftAt),
      since: new Date(payload.since),
    });
  },
});

/** Queues the check for when the grace period ends; call it in the webhook's transaction. */
export async function scheduleInterruptedCheck(tx: Db, ctx: Ctx, departure: Departure): Promise<void> {
  await enqueue(
    tx,
    interruptedCheckJob,
    { ...departure, leftAt: departure.leftAt.toISOString(), since: departure.since.toISOString() },
    { organizationId: ctx.organizationId, runAt: new Date(departure.leftAt.getTime() + rejoinGraceMs()) },
  );
}

/**
 * Flags the interview interrupted unless, since the candidate left, it was finalized or
 * otherwise ended, the candidate connected again, or the interview went on without the room (a
 * turn written well after they left: the written mode). Returns whether it flagged it.
 */
export async function flagIfStillAway(db: Db, ctx: Ctx, departure: Departure): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The lock turn writes and the finalize take: a finalize in flight is seen, not raced.
    const [interview] = await tx
      .select({ status: interviews.status, interruptedAt: interviews.interruptedAt })
      .from(interviews)
      .where(and(eq(interviews.id, departure.interviewId), inOrg(interviews, ctx)))
      .for("no key update");
    if (!interview || interview.status !== "IN_PROGRESS" || interview.interruptedAt) return false;
    if (await cameBack(tx, departure) || await wentOn(tx, ctx, departure)) return false;

    await tx
      .update(interviews)
      .set({ interruptedAt: departure.leftAt, updatedAt: sql`now()` })
      .where(and(eq(interviews.id, departure.interviewId), inOrg(interviews, ctx)));
    const interruptedAt = departure.leftAt.toISOString();
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "interview.interrupted",
      data: { interviewId: departure.interviewId, status: "IN_PROGRESS", interruptedAt, reason: departure.reason },
    });
    await recordAudit(tx, ctx, { action: "interview.interrupted", targetType: "interview", targetId: departure.interviewId, data: { reason: departure.reason, interruptedAt } });
    return true;
  });
}

async function cameBack(tx: Db, departure: Departure): Promise<boolean> {
  const [later] = await tx
    .select({ id: livekitWebhookEvents.id })
    .from(livekitWebhookEvents)
    .where(
      and(
        eq(livekitWebhookEvents.interviewId, departure.interviewId),
        eq(livekitWebhookEvents.event, "participant_joined"),
        eq(livekitWebhookEvents.participantIdentity, candidateIdentity(departure.interviewId)),
        gt(livekitWebhookEvents.sessionStartedAt, departure.since),
      ),
    )
    .limit(1);
  return Boolean(later);
}

async function wentOn(tx: Db, ctx: Ctx, departure: Departure): Promise<boolean> {
  const [turn] = await tx
    .select({ id: interviewTurns.id })
    .from(interviewTurns)
    .where(
      and(
        eq(interviewTurns.interviewId, departure.interviewId),
        inOrg(interviewTurns, ctx),
        gt(interviewTurns.createdAt, new Date(departure.leftAt.getTime() + TRANSCRIPT_LAG_MS)),
      ),
    )
    .limit(1);
  return Boolean(turn);
}

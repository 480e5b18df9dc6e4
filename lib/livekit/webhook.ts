import { and, eq, isNull, sql } from "drizzle-orm";
import { EgressStatus, type WebhookEvent, WebhookReceiver } from "livekit-server-sdk";
import { interviews } from "@/db/interviews";
import { audioUrl } from "@/lib/api/schemas/agent";
import { type Ctx, systemCtx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { effectiveStatus } from "@/lib/interviews/status";
import { startInterviewIfNotStarted } from "@/lib/interviews/start";
import { log } from "@/lib/log";
import { interviewOfCandidate, interviewOfRoom } from "./identity";
import { scheduleInterruptedCheck } from "./interrupted";
import { fromSeconds, recordOnce, sessionStart } from "./webhook-events";
import { inOrg } from "@/lib/db/in-org";

export type WebhookOutcome = { event: string; handled: "applied" | "replay" | "ignored" };

const unauthenticated = (detail: string) => new AppError("unauthenticated", detail);

/**
 * Checks a LiveKit webhook's signature (a JWT signed with the API secret whose sha256 claim is
 * the body's digest) and decodes it. The raw body is what is checked: parsing first would let a
 * re-serialised body pass for the signed one.
 */
export async function verifyLiveKitWebhook(rawBody: string, authorization: string | null): Promise<WebhookEvent> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  if (!LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) throw unauthenticated("LiveKit webhooks are not accepted: LiveKit is not configured.");
  // LiveKit sends the bare token; a proxy or a test tool may add the scheme.
  const token = (authorization ?? "").trim().replace(/^Bearer\s+/i, "");
  if (!token) throw unauthenticated("Missing the LiveKit webhook signature (Authorization header).");
  try {
    return await new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET).receive(rawBody, token);
  } catch {
    throw unauthenticated("Invalid LiveKit webhook signature, or the body does not match it.");
  }
}

/**
 * Applies one verified event, once: its id is recorded in the same transaction as its effects,
 * so a redelivery answers 200 and changes nothing. Events about rooms that are not an
 * interview's, and events Parley does not use, are recorded and otherwise ignored.
 */
export async function handleLiveKitWebhook(db: Db, event: WebhookEvent): Promise<WebhookOutcome> {
  if (!event.id) throw new AppError("bad_request", "The LiveKit event has no id.");
  const occurredAt = fromSeconds(event.createdAt) ?? new Date();
  const interview = await interviewOf(db, event);
  return db.transaction(async (tx) => {
    const about = interview && { organizationId: interview.organizationId, interviewId: interview.id };
    if (!(await recordOnce(tx, event, about, occurredAt))) return { event: event.event, handled: "replay" as const };
    if (!interview) return { event: event.event, handled: "ignored" as const };
    const ctx = systemCtx(interview.organizationId, "livekit");
    const applied = await apply(tx, ctx, interview.id, event, occurredAt);
    return { event: event.event, handled: applied ? ("applied" as const) : ("ignored" as const) };
  });
}

async function apply(tx: Db, ctx: Ctx, interviewId: string, event: WebhookEvent, occurredAt: Date): Promise<boolean> {
  const isCandidate = interviewOfCandidate(event.participant?.identity) === interviewId;
  switch (event.event) {
    case "participant_joined":
      return isCandidate && candidateJoined(tx, ctx, interviewId);
    case "participant_left":
      if (!isCandidate) return false;
      return departed(tx, ctx, { interviewId, eventId: event.id, reason: "participant_left", leftAt: occurredAt, since: sessionStart(event) ?? occurredAt });
    case "room_finished":
      return departed(tx, ctx, { interviewId, eventId: event.id, reason: "room_finished", leftAt: occurredAt, since: occurredAt });
    case "egress_ended":
      return recordingEnded(tx, ctx, interviewId, event);
    default:
      return false;
  }
}

/** The candidate in the room starts the interview, exactly as its first turn would. */
async function candidateJoined(tx: Db, ctx: Ctx, interviewId: string): Promise<boolean> {
  const interview = await lockStatus(tx, ctx, interviewId);
  // An expired link is not revived by a late connection (the join refuses it anyway).
  if (!interview || effectiveStatus(interview) !== interview.status) return false;
  return startInterviewIfNotStarted(tx, ctx, { id: interviewId, status: interview.status });
}

/** Left without a finalize: nothing changes now; the check after the grace period decides. */
async function departed(tx: Db, ctx: Ctx, departure: Parameters<typeof scheduleInterruptedCheck>[2]): Promise<boolean> {
  const interview = await lockStatus(tx, ctx, departure.interviewId);
  if (interview?.status !== "IN_PROGRESS") return false;
  await scheduleInterruptedCheck(tx, ctx, departure);
  return true;
}

/** The room's recording is the interview's audio unless the agent already gave one. */
async function recordingEnded(tx: Db, ctx: Ctx, interviewId: string, event: WebhookEvent): Promise<boolean> {
  const egress = event.egressInfo;
  if (!egress || (egress.status !== EgressStatus.EGRESS_COMPLETE && egress.status !== EgressStatus.EGRESS_LIMIT_REACHED)) return false;
  const location = egress.fileResults.find((f) => f.location)?.location || egress.segmentResults.find((s) => s.playlistLocation)?.playlistLocation;
  if (!location) return false;
  // The same rule as the agent's audioUrl: the console links to it.
  const url = audioUrl.safeParse(location);
  if (!url.success) {
    log.warn("livekit recording location not stored", { interviewId, egressId: egress.egressId, reason: "not an https URL (or http on AUDIO_STORAGE_HOSTS)" });
    return false;
  }
  const updated = await tx
    .update(interviews)
    .set({ audioUrl: url.data, updatedAt: sql`now()` })
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx), isNull(interviews.audioUrl)))
    .returning({ id: interviews.id });
  return updated.length > 0;
}

async function lockStatus(tx: Db, ctx: Ctx, interviewId: string) {
  const [row] = await tx
    .select({ status: interviews.status, expiresAt: interviews.expiresAt })
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)))
    .for("no key update");
  return row;
}

/**
 * The interview an event is about: its room's, checked against the room name the interview
 * stored, and for a participant event the candidate's identity must name the same interview.
 * Like the agent's lookup (lib/agent/interview-lookup.ts), the one read not filtered by
 * organisation: the signed event decides which interview, and that decides the organisation.
 */
async function interviewOf(db: Db, event: WebhookEvent) {
  const roomName = event.room?.name || event.egressInfo?.roomName || "";
  const id = interviewOfRoom(roomName);
  if (!id) return null;
  const [row] = await db
    .select({ id: interviews.id, organizationId: interviews.organizationId, roomName: interviews.roomName })
    .from(interviews)
    .where(eq(interviews.id, id));
  return row && row.roomName === roomName ? row : null;
}

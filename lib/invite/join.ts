import type { JoinInput, JoinOut, JoinVoiceOut } from "@/lib/api/schemas/invite";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { AppError, invalidField } from "@/lib/errors";
import type { Interviewer } from "@/lib/interviewer";
import { startWrittenInterview } from "@/lib/written-interview/start";
import { recordConsent } from "./consents";
import { consentNotice } from "./notice";
import type { OpenTarget } from "./target";
import { voiceAvailable } from "./voice";

/**
 * The candidate consents and joins. The consent must name the notice the page showed (the
 * current one for the interview's language), else a 422 makes the page reload it. Each join
 * that succeeds appends one consent record; a voice join that cannot happen records nothing.
 */
export async function joinInterview(db: Db, ctx: Ctx, target: OpenTarget, input: JoinInput, interviewer: () => Interviewer): Promise<JoinOut> {
  const notice = consentNotice(target.view);
  if (input.noticeVersion !== notice.version) {
    throw invalidField("noticeVersion", "is not the current notice's version: reload the page and read the notice again");
  }
  const consent = { noticeVersion: notice.version, locale: notice.locale, mode: input.mode };
  if (input.mode === "voice") {
    if (!voiceAvailable()) {
      throw new AppError("voice_unavailable", "Voice interviews are not configured here; join with mode text to type your answers.");
    }
    const room = await joinVoice(db, ctx, target);
    await recordConsent(db, ctx, target.interviewId, consent);
    return room;
  }
  await recordConsent(db, ctx, target.interviewId, consent);
  return startWrittenInterview(db, ctx, target.interviewId, interviewer());
}

// MERGE: the one call site of the LiveKit helper's joinVoiceRoom (`@/lib/livekit/join`), which
// creates the room, dispatches the agent once and mints the candidate's token. Until the lead
// wires it, a configured voice join is refused rather than half-done. Wired, the body is:
//   return joinVoiceRoom(db, { id: target.interviewId, organizationId: target.organizationId,
//     roomName: target.roomName, maxDurationMinutes: target.view.maxDurationMinutes });
async function joinVoice(_db: Db, _ctx: Ctx, _target: OpenTarget): Promise<JoinVoiceOut> {
  throw new AppError("service_unavailable", "voice join is wired at merge");
}

import { defineAgent, voice, type JobContext } from "@livekit/agents";
import * as openai from "@livekit/agents-plugin-openai";
import { log } from "@/lib/log";
import { createInterviewer, type Interviewer } from "@/lib/interviewer";
import { systemClock } from "@/lib/interviewer/clock";
import { openAIInterviewerModel } from "@/lib/interviewer/openai-model";
import { Conversation } from "./conversation";
import { agentCredential } from "./credentials";
import { parseAgentEnv, type AgentEnv } from "./env";
import { httpInterviewPort } from "./http-port";
import { ListeningAgent, liveKitSpeech } from "./livekit-speech";

// The job LiveKit runs for each dispatch of the named agent (agent/main.ts): one interview,
// from the interview id in the dispatch metadata to its finalize.

/** The interview this job is for: `{ "interviewId": "int_…" }` in the metadata, else the room's name (`interview-<id>`). */
export function interviewIdOf(metadata: string, roomName: string): string {
  try {
    const parsed = JSON.parse(metadata) as { interviewId?: unknown };
    if (typeof parsed?.interviewId === "string" && parsed.interviewId) return parsed.interviewId;
  } catch {
    // Not JSON: fall back to the room's name.
  }
  const match = /^interview-(int_[A-Za-z0-9]+)$/.exec(roomName);
  if (match) return match[1]!;
  throw new Error("The job names no interview: dispatch it with metadata {\"interviewId\": \"int_…\"} in a room named interview-<id>.");
}

/** The engine with the same settings as the app's interviewerFromEnv, read from the agent's own settings. */
export function agentInterviewer(env: AgentEnv): Interviewer {
  const model = env.OPENAI_API_KEY
    ? openAIInterviewerModel({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.INTERVIEWER_MODEL ?? env.OPENAI_MODEL, timeoutMs: env.INTERVIEWER_MODEL_TIMEOUT_MS })
    : null;
  return createInterviewer({ clock: systemClock, model, followUpBudget: env.INTERVIEWER_FOLLOW_UPS, modelTimeoutMs: env.INTERVIEWER_MODEL_TIMEOUT_MS });
}

/**
 * Speech-to-text and text-to-speech (or the realtime model's hearing). No LLM replies in the
 * session: the engine calls its own model (INTERVIEWER_MODEL) and its words are said as they are.
 */
export function sessionModels(env: AgentEnv, language: string) {
  const common = { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL };
  const tts = new openai.TTS({ ...common, model: env.AGENT_TTS_MODEL, voice: env.AGENT_TTS_VOICE as openai.TTSOptions["voice"] });
  const primary = language.split(/[-_]/)[0] || "en";
  if (env.AGENT_VOICE_MODE === "realtime") {
    const llm = new openai.realtime.RealtimeModel({
      ...common,
      model: env.AGENT_REALTIME_MODEL,
      modalities: ["text"],
      inputAudioTranscription: { model: env.AGENT_STT_MODEL, language: primary },
      // The server detects turns but never answers on its own: the engine does.
      turnDetection: { type: "semantic_vad", create_response: false, interrupt_response: false },
    });
    return { llm, tts };
  }
  return { stt: new openai.STT({ ...common, model: env.AGENT_STT_MODEL, language: primary }), tts };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export default defineAgent({
  entry: async (ctx: JobContext) => {
    const env = parseAgentEnv();
    await ctx.connect();
    const interviewId = interviewIdOf(ctx.job.metadata, ctx.room.name ?? "");
    const fields = { interviewId, room: ctx.room.name, jobId: ctx.job.id };
    const port = httpInterviewPort({
      baseUrl: env.PARLEY_URL,
      interviewId,
      credential: agentCredential(env, ctx.room.name ?? `interview-${interviewId}`),
      onRetry: (r) => log.warn("agent endpoint retry", { ...fields, ...r }),
    });
    const history = await port.history();
    if (!["DRAFT", "INVITED", "IN_PROGRESS"].includes(history.status)) {
      log.info("interview is closed; nothing to do", { ...fields, status: history.status });
      return ctx.shutdown("interview closed");
    }

    // The candidate joins the room before the dispatch, or soon after; one who never does leaves nothing to do.
    const participant = await withTimeout(ctx.waitForParticipant(), env.AGENT_REJOIN_GRACE_SECONDS * 1000);
    if (!participant) {
      log.info("the candidate never joined the room", fields);
      return ctx.shutdown("candidate never joined");
    }
    const session = new voice.AgentSession({
      ...sessionModels(env, history.config.language),
      // Our own silence handling (check-in, polite end) replaces the session's "away" state.
      userAwayTimeout: null,
      turnHandling: { preemptiveGeneration: { enabled: false } },
    });
    const agent = new ListeningAgent();
    await session.start({
      agent,
      room: ctx.room,
      // A reload counts as leaving: the session stays, the conversation waits for the rejoin.
      inputOptions: { closeOnDisconnect: false, participantIdentity: participant.identity },
      outputOptions: { transcriptionEnabled: true },
    });

    const conversation = new Conversation({
      interviewer: agentInterviewer(env),
      port,
      clock: systemClock,
      speech: liveKitSpeech(session, ctx.room, agent, participant.identity, { turnEndOnFinal: env.AGENT_VOICE_MODE === "realtime" }),
      settings: {
        silenceCheckInMs: env.AGENT_SILENCE_CHECK_IN_SECONDS * 1000,
        silenceEndMs: env.AGENT_SILENCE_END_SECONDS * 1000,
        rejoinGraceMs: env.AGENT_REJOIN_GRACE_SECONDS * 1000,
      },
      log: (message, f) => log.info(message, { ...fields, ...f }),
    });
    ctx.addShutdownCallback(async () => conversation.stop());
    try {
      const end = await conversation.start();
      log.info("voice interview over", { ...fields, ...end });
      ctx.shutdown(`interview ${end.reason}`);
    } catch (err) {
      // Thrown out of the entry, the job fails and a dispatch with restart on failure runs it
      // again: the new run resumes from /history.
      log.error("voice interview failed", { ...fields, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  },
});

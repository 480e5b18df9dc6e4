import { z } from "zod";
import { envSchema } from "@/lib/env";

// The voice agent is its own process (`npm run agent`), beside the app: it reads only the
// variables it needs, so it starts without the app's (AUTH_SECRET, DATABASE_URL, …).

const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) => z.preprocess((v) => (v === "" || v === undefined ? value : v), schema);
const seconds = (min: number, max: number, value: number) => withDefault(z.coerce.number().int().min(min).max(max), value);

export const agentEnvSchema = envSchema
  .pick({
    AGENT_SECRET: true,
    LIVEKIT_URL: true,
    LIVEKIT_API_KEY: true,
    LIVEKIT_API_SECRET: true,
    OPENAI_API_KEY: true,
    OPENAI_BASE_URL: true,
    OPENAI_MODEL: true,
    INTERVIEWER_MODEL: true,
    INTERVIEWER_FOLLOW_UPS: true,
    INTERVIEWER_MODEL_TIMEOUT_MS: true,
  })
  .extend({
    // Where the app's agent endpoints are (/api/interviews/:id/…).
    PARLEY_URL: withDefault(z.url({ protocol: /^https?$/ }), "http://127.0.0.1:3000"),
    // The name the join route dispatches (explicit dispatch): the same on both sides.
    LIVEKIT_AGENT_NAME: withDefault(z.string().min(1), "parley-interviewer"),
    // pipeline: speech-to-text, the engine, text-to-speech (questions read word for word);
    // realtime: OpenAI's realtime model hears the candidate, text-to-speech still says the engine's words.
    AGENT_VOICE_MODE: withDefault(z.enum(["pipeline", "realtime"]), "pipeline"),
    AGENT_STT_MODEL: withDefault(z.string().min(1), "gpt-4o-transcribe"),
    AGENT_TTS_MODEL: withDefault(z.string().min(1), "gpt-4o-mini-tts"),
    AGENT_TTS_VOICE: withDefault(z.string().min(1), "alloy"),
    AGENT_REALTIME_MODEL: withDefault(z.string().min(1), "gpt-realtime"),
    // Silence after a question: a check-in after this long, then a polite end after as long again.
    AGENT_SILENCE_CHECK_IN_SECONDS: seconds(5, 600, 30),
    AGENT_SILENCE_END_SECONDS: seconds(5, 600, 30),
    // A candidate who drops (closed tab, lost network) has this long to come back.
    AGENT_REJOIN_GRACE_SECONDS: seconds(0, 3600, 120),
    // The worker's health endpoint (LiveKit's default port).
    AGENT_HTTP_PORT: withDefault(z.coerce.number().int().min(0).max(65_535), 8081),
  });

export type AgentEnv = z.infer<typeof agentEnvSchema>;

export function parseAgentEnv(source: Record<string, string | undefined> = process.env): AgentEnv {
  const result = agentEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment for the voice agent:\n${lines.join("\n")}`);
  }
  return result.data;
}

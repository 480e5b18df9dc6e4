import { resetEnvCache } from "@/lib/env";
import { TEST_AGENT_SECRET, TEST_LIVEKIT } from "./agent-fixtures";

/** The agent credentials the tests use, installed in process.env (children inherit them). */
export function useAgentEnv(extra: Record<string, string | undefined> = {}): void {
  Object.assign(process.env, {
    AGENT_SECRET: TEST_AGENT_SECRET,
    LIVEKIT_API_KEY: TEST_LIVEKIT.key,
    LIVEKIT_API_SECRET: TEST_LIVEKIT.secret,
    AUDIO_STORAGE_HOSTS: "minio.internal",
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

export const secretHeaders = { "x-agent-secret": TEST_AGENT_SECRET };

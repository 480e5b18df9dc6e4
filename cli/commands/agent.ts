import { agentSecret } from "@/lib/agent/secret";
import { simulateInterview } from "@/lib/agent/simulator";
import { env } from "@/lib/env";
import { optional, required, UsageError } from "../args";
import type { Run } from "../command";

export const simulateCommand: Run = async (flags) => {
  const speed = optional(flags, "speed") ?? "fast";
  if (speed !== "fast" && speed !== "real") throw new UsageError("--speed is fast or real.");
  const interviewId = required(flags, "interview");
  // In development the app and the CLI share the secret generated under the data folder.
  const secret = agentSecret();
  if (!secret) throw new UsageError("Set AGENT_SECRET to the app's: the simulator authenticates exactly like the voice agent.");
  return simulateInterview({
    baseUrl: (optional(flags, "base-url") ?? env().APP_URL).replace(/\/+$/, ""),
    interviewId,
    agentSecret: secret.value,
    speed,
  });
};

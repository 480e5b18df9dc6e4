import { simulateInterview } from "@/lib/agent/simulator";
import { env } from "@/lib/env";
import { optional, required, UsageError } from "../args";
import type { Command } from "../command";

export const agentCommands: Record<string, Command> = {
  "agent simulate": {
    usage: "agent simulate --interview ID [--speed fast|real] [--base-url URL]   (AGENT_SECRET from the environment)",
    async run(flags) {
      const speed = optional(flags, "speed") ?? "fast";
      if (speed !== "fast" && speed !== "real") throw new UsageError("--speed is fast or real.");
      const agentSecret = env().AGENT_SECRET;
      if (!agentSecret) throw new UsageError("Set AGENT_SECRET: the simulator authenticates exactly like the voice agent.");
      return simulateInterview({
        baseUrl: (optional(flags, "base-url") ?? env().APP_URL).replace(/\/+$/, ""),
        interviewId: required(flags, "interview"),
        agentSecret,
        speed,
      });
    },
  },
};

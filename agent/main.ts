import path from "node:path";
import { fileURLToPath } from "node:url";
import { cli, ServerOptions } from "@livekit/agents";
import { parseAgentEnv, type AgentEnv } from "./env";

// `npm run agent` (start) and `npm run agent:dev` (dev): the LiveKit worker. It registers the
// named agent with LiveKit (explicit dispatch: only the join route's dispatches reach it) and
// runs agent/interviewer-agent.ts in a process of its own for each interview.

export const AGENT_ENTRY = path.join(import.meta.dirname, "interviewer-agent.ts");

export function serverOptions(env: AgentEnv = parseAgentEnv()): ServerOptions {
  return new ServerOptions({
    agent: AGENT_ENTRY,
    agentName: env.LIVEKIT_AGENT_NAME,
    wsURL: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    port: env.AGENT_HTTP_PORT,
  });
}

/** What stops a worker from conducting interviews, said at start rather than at the first candidate. */
export function startupProblems(env: AgentEnv): string[] {
  const problems: string[] = [];
  if (!env.LIVEKIT_URL || !env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET) problems.push("LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET: the LiveKit project to work for");
  if (!env.OPENAI_API_KEY) problems.push("OPENAI_API_KEY: speech-to-text and text-to-speech (OPENAI_BASE_URL for another OpenAI-compatible server)");
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = parseAgentEnv();
  const problems = ["start", "dev", "connect"].includes(process.argv[2] ?? "") ? startupProblems(env) : [];
  if (problems.length) {
    process.stderr.write(`The voice agent cannot start; set:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  cli.runApp(serverOptions(env));
}

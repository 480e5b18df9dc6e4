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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli.runApp(serverOptions());
}

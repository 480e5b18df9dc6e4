import { dataFolderSecret } from "@/lib/data-folder-secret";
import { env } from "@/lib/env";

/**
 * The voice agent's shared secret (X-Agent-Secret). AGENT_SECRET when set; unset in
 * development, one generated under the data folder like AUTH_SECRET (the start banner prints
 * it and the CLI's simulator reads it), so the simulator works on a fresh checkout; unset
 * anywhere else, this way in stays closed.
 */
export function agentSecret(): { value: string; generated: boolean } | undefined {
  const e = env();
  if (e.AGENT_SECRET) return { value: e.AGENT_SECRET, generated: false };
  if (e.NODE_ENV !== "development") return undefined;
  return { value: dataFolderSecret("agent-secret"), generated: true };
}

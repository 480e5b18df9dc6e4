import { env } from "@/lib/env";

/** LiveKit as Parley uses it; the key and secret stay on the server. */
export type LiveKitConfig = {
  /** Where the server API (Twirp) is called: the configured URL with an http(s) scheme. */
  apiUrl: string;
  /** What the candidate's browser connects to: the same host with a ws(s) scheme. */
  serverUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The interviewer agent dispatched into each room (LIVEKIT_AGENT_NAME). */
  agentName: string;
};

const withScheme = (url: string, scheme: "http" | "ws") => {
  const secure = /^(https|wss):/i.test(url);
  return url.replace(/^[a-z]+:/i, `${scheme}${secure ? "s" : ""}:`).replace(/\/+$/, "");
};

/** LiveKit's settings, or null unless the URL, key and secret are all set (voice is then off). */
export function liveKitConfig(): LiveKitConfig | null {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_AGENT_NAME } = env();
  if (!LIVEKIT_URL || !LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) return null;
  return {
    apiUrl: withScheme(LIVEKIT_URL, "http"),
    serverUrl: withScheme(LIVEKIT_URL, "ws"),
    apiKey: LIVEKIT_API_KEY,
    apiSecret: LIVEKIT_API_SECRET,
    agentName: LIVEKIT_AGENT_NAME,
  };
}

/** How long a candidate who left may rejoin before the interview is flagged interrupted. */
export const rejoinGraceMs = () => env().LIVEKIT_REJOIN_GRACE_MINUTES * 60_000;

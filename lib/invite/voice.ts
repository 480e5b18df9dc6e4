import { env } from "@/lib/env";

/** Voice interviews need a LiveKit server: its URL, API key and secret all set. */
export function voiceAvailable(): boolean {
  const e = env();
  return Boolean(e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET);
}

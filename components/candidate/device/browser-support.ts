/** What the voice interview needs from the browser; each missing piece is named to the candidate. */
export type SupportGap = "insecureContext" | "webrtc" | "microphoneApi" | "webAudio";

export function supportGaps(w: Window): SupportGap[] {
  const gaps: SupportGap[] = [];
  // getUserMedia exists only in secure contexts, so an http:// page would also miss it: say the cause.
  if (!w.isSecureContext) gaps.push("insecureContext");
  if (!("RTCPeerConnection" in w)) gaps.push("webrtc");
  if (w.isSecureContext && typeof w.navigator.mediaDevices?.getUserMedia !== "function") gaps.push("microphoneApi");
  if (!("AudioContext" in w)) gaps.push("webAudio");
  return gaps;
}

/** Which browser's settings to describe when the microphone is blocked. */
export type BrowserFamily = "chrome" | "edge" | "firefox" | "safari" | "ios" | "other";

export function browserFamily(userAgent: string): BrowserFamily {
  // Every browser on iPhone and iPad is Safari underneath and takes its permissions from Settings.
  if (/iPhone|iPad|iPod/.test(userAgent)) return "ios";
  if (/Edg\//.test(userAgent)) return "edge";
  if (/Firefox\//.test(userAgent)) return "firefox";
  if (/Chrome\/|Chromium\//.test(userAgent)) return "chrome";
  if (/Safari\//.test(userAgent)) return "safari";
  return "other";
}

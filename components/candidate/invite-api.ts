import { z } from "zod";

// The candidate page's side of CANDIDATE-API.md: every answer parsed, every failure sorted into
// the few cases the page explains (closed, wait, voice off, network, notice changed, other).

// Zod compiles object parsers with `new Function` where it may, and even its probe for that is
// reported as a violation by the page's CSP (no 'unsafe-eval'). In the browser, parse without;
// before any schema below is built, since each decides when it is made.
if (typeof window !== "undefined") z.config({ jitless: true });

const turnSchema = z.object({
  turnNumber: z.number(),
  role: z.enum(["agent", "candidate"]),
  content: z.string(),
  createdAt: z.string(),
});
export type CandidateTurn = z.infer<typeof turnSchema>;

const progressSchema = z.object({ asked: z.number(), total: z.number() });
const timeSchema = z.object({ elapsedSeconds: z.number(), limitSeconds: z.number() });
export type Progress = z.infer<typeof progressSchema>;
export type TimeUsed = z.infer<typeof timeSchema>;

const conversationFields = { turns: z.array(turnSchema), done: z.boolean(), progress: progressSchema, time: timeSchema };

const voiceJoinSchema = z.object({ mode: z.literal("voice"), serverUrl: z.string(), token: z.string(), roomName: z.string(), identity: z.string() });
const textJoinSchema = z.object({ mode: z.literal("text"), interviewId: z.string(), ...conversationFields });
const messageSchema = z.object(conversationFields);
const conversationSchema = z.object({ status: z.string(), ...conversationFields });

export type VoiceJoin = z.infer<typeof voiceJoinSchema>;
export type TextJoin = z.infer<typeof textJoinSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type MessageAnswer = z.infer<typeof messageSchema>;

export type ClosedReason = "cancelled" | "expired" | "completed";

/** Why a call did not give its answer, in the terms the page explains to the candidate. */
export type Failure =
  | { kind: "closed"; reason: ClosedReason }
  | { kind: "unknown" }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "voiceUnavailable" }
  | { kind: "noticeChanged" }
  | { kind: "replyInProgress" }
  | { kind: "network" }
  | { kind: "server"; status: number };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

const problemSchema = z.object({ code: z.string().optional(), errors: z.array(z.object({ field: z.string() })).optional() }).loose();

const CLOSED: Record<string, ClosedReason> = { interview_cancelled: "cancelled", interview_expired: "expired", interview_completed: "completed" };

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, cache: "no-store", headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) } });
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: "server", status: res.status } };
  }
  return { ok: false, failure: failureOf(res, body) };
}

/** An error answer (status, Retry-After, problem body) as the case the page explains. */
export function failureOf(res: Pick<Response, "status" | "headers">, body: unknown): Failure {
  const problem = problemSchema.safeParse(body);
  const code = problem.success ? problem.data.code : undefined;
  if (res.status === 410 && code && CLOSED[code]) return { kind: "closed", reason: CLOSED[code] };
  if (res.status === 404) return { kind: "unknown" };
  if (res.status === 429) return { kind: "rateLimited", retryAfterSeconds: retryAfter(res.headers.get("Retry-After")) };
  if (res.status === 503 && code === "voice_unavailable") return { kind: "voiceUnavailable" };
  if (res.status === 409 && code === "reply_in_progress") return { kind: "replyInProgress" };
  if (res.status === 422 && problem.success && problem.data.errors?.some((e) => e.field === "noticeVersion")) return { kind: "noticeChanged" };
  return { kind: "server", status: res.status };
}

/** Seconds from a Retry-After header (seconds or an HTTP date); a few seconds when absent or odd. */
export function retryAfter(header: string | null): number {
  if (!header) return 5;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - Date.now()) / 1000)) : 5;
}

const base = (token: string) => `/api/invite/${encodeURIComponent(token)}`;

export function joinInterview(token: string, mode: "voice", noticeVersion: string): Promise<Result<VoiceJoin>>;
export function joinInterview(token: string, mode: "text", noticeVersion: string): Promise<Result<TextJoin>>;
export function joinInterview(token: string, mode: "voice" | "text", noticeVersion: string): Promise<Result<VoiceJoin | TextJoin>> {
  const body = JSON.stringify({ consent: true, mode, noticeVersion });
  return call<VoiceJoin | TextJoin>(`${base(token)}/join`, { method: "POST", body }, mode === "voice" ? voiceJoinSchema : textJoinSchema);
}

export const sendMessage = (token: string, clientMessageId: string, content: string) =>
  call(`${base(token)}/messages`, { method: "POST", body: JSON.stringify({ clientMessageId, content }) }, messageSchema);

export const readConversation = (token: string) => call(`${base(token)}/conversation`, { method: "GET" }, conversationSchema);

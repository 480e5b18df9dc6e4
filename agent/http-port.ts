import type { HistoryOut, TurnOut } from "@/lib/api/schemas/agent";
import { inputFromHistory, type EngineTurn, type Outcome } from "@/lib/interviewer";
import type { InterviewPort } from "@/lib/interviewer/driver";
import { credentialHeaders, type AgentCredential } from "./credentials";

// Parley's agent endpoints (docs/agent-api.md) as the engine's InterviewPort, plus what the voice
// loop needs beyond it: the raw history (status) and candidate turns. Every write is safe to
// repeat: a turn is identified by its number (the same number and payload again answers 200 with
// the stored turn), a PATCH sets values, a second finalize answers the first one's result. So a
// request whose answer was lost (network, 5xx) is simply sent again.

export type TurnBody = {
  turnNumber: number;
  role: "agent" | "candidate";
  content: string;
  isPendingQuestion?: boolean;
  evaluation?: Record<string, unknown>;
};

export type VoicePort = InterviewPort & {
  history(): Promise<HistoryOut>;
  /** Records any turn (the candidate's words, the agent's check-in); answers it as stored. */
  recordTurn(body: TurnBody): Promise<EngineTurn>;
};

/** The interview was cancelled, completed or expired meanwhile: nothing more can be written. */
export class InterviewClosedError extends Error {}

export class AgentHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)?.slice(0, 500)}`);
  }
}

export type HttpPortOptions = {
  baseUrl: string;
  interviewId: string;
  credential: AgentCredential;
  /** Attempts per request, the first included (default 6: about 8 s of backoff in all). */
  attempts?: number;
  /** First backoff delay, doubled each time, at most `maxDelayMs` (defaults 250 ms and 4 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** One request's timeout (default 15 s): a hung connection is retried like a failed one. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { what: string; attempt: number; reason: string; delayMs: number }) => void;
};

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const retryable = (status: number) => status >= 500 || status === 429;

export function httpInterviewPort(o: HttpPortOptions): VoicePort {
  const base = `${o.baseUrl.replace(/\/+$/, "")}/api/interviews/${encodeURIComponent(o.interviewId)}`;
  const headers = credentialHeaders(o.credential);
  const attempts = o.attempts ?? 6;
  const sleep = o.sleep ?? realSleep;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const what = `${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let retryAfterMs: number | null = null;
      try {
        const res = await fetch(base + path, {
          method,
          headers: { ...(await headers()), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        });
        const json = (await res.json().catch(() => null)) as unknown;
        if (res.ok) return json as T;
        if (!retryable(res.status)) {
          if (res.status === 409 && (json as { code?: string } | null)?.code === "invalid_state") throw new InterviewClosedError(`${what}: ${(json as { detail?: string }).detail ?? "the interview is closed"}`);
          throw new AgentHttpError(res.status, json, what);
        }
        reason = `status ${res.status}`;
        const after = Number(res.headers.get("retry-after"));
        if (Number.isFinite(after) && after > 0) retryAfterMs = Math.min(after * 1000, 30_000);
      } catch (err) {
        if (err instanceof InterviewClosedError || err instanceof AgentHttpError) throw err;
        reason = err instanceof Error ? err.message : String(err);
      }
      if (attempt >= attempts) throw new Error(`${what} failed after ${attempts} attempts: ${reason}`);
      const delayMs = retryAfterMs ?? Math.min((o.baseDelayMs ?? 250) * 2 ** (attempt - 1), o.maxDelayMs ?? 4000);
      o.onRetry?.({ what, attempt, reason, delayMs });
      await sleep(delayMs);
    }
  }

  const toEngineTurn = (t: TurnOut): EngineTurn => ({ turnNumber: t.turnNumber, role: t.role, content: t.content, isPendingQuestion: t.isPendingQuestion, evaluation: t.evaluation });
  const history = () => call<HistoryOut>("GET", "/history");
  const recordTurn = async (body: TurnBody) => toEngineTurn(await call<TurnOut>("POST", "/turns", body));

  return {
    history,
    recordTurn,
    read: async () => inputFromHistory(await history()),
    updateTurn: async ({ turnNumber, body }) => {
      await call<TurnOut>("PATCH", `/turns/${turnNumber}`, body);
    },
    createTurn: (create) => recordTurn(create),
    finalize: async (outcome: Outcome) => {
      if (outcome !== "humanRequested") return void (await call("POST", "/finalize", {}));
      try {
        await call("POST", "/finalize", { humanRequested: true });
      } catch (err) {
        // An app older than the humanRequested flag refuses the field (422). The agent and the app
        // are deployed apart, so the interview is still closed, unflagged, rather than left open.
        if (!(err instanceof AgentHttpError && err.status === 422 && JSON.stringify(err.body).includes("humanRequested"))) throw err;
        await call("POST", "/finalize", {});
      }
    },
  };
}

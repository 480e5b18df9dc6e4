import type { AuthKind } from "./operation";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const requestId = { "Request-Id": ref("Request-Id") };

type Caller = {
  /** Parley's own callers: documented, but outside v1's promise. */
  internal?: true;
  security: Json[];
  /** What the wrapper itself can refuse before the endpoint runs. */
  errors: number[];
  /** Headers on every answer to this caller. */
  headers: Json;
  /** Errors whose meaning differs from the public API's (its shared responses speak of API keys). */
  errorText?: Partial<Record<number, string>>;
};

/** How the document describes each kind of caller, one entry per route wrapper. */
export const CALLERS: Record<AuthKind, Caller> = {
  apiKey: {
    security: [{ bearerAuth: [] }, { basicAuth: [] }],
    errors: [401, 403, 429],
    headers: { ...requestId, "X-RateLimit-Limit": ref("X-RateLimit-Limit"), "X-RateLimit-Remaining": ref("X-RateLimit-Remaining"), "X-RateLimit-Reset": ref("X-RateLimit-Reset") },
  },
  agent: {
    internal: true,
    security: [{ agentSecret: [] }, { livekitAgentToken: [] }],
    errors: [401, 403],
    headers: requestId,
    errorText: {
      401: "Missing or invalid agent credential: a wrong or unset agent secret, an invalid or expired LiveKit token, or an API key.",
      403: "A LiveKit token that is not an agent's, or is for another interview's room.",
    },
  },
  session: { internal: true, security: [{ consoleSession: [] }], errors: [401], headers: requestId, errorText: { 401: "No console session: sign in first." } },
  invitation: {
    internal: true,
    // The token in the path is the credential: nothing to send besides it.
    security: [],
    errors: [404, 410, 429],
    headers: {
      ...requestId,
      "Referrer-Policy": { description: "Always `no-referrer`: the URL holds the candidate's credential.", schema: { type: "string" } },
      "Cache-Control": { description: "Always `no-store`.", schema: { type: "string" } },
    },
    errorText: {
      404: "Unknown or malformed invitation token (the answer says nothing about any interview).",
      410: "The interview is over: `code` is `interview_cancelled`, `interview_expired` or `interview_completed`.",
      429: "Too many requests for this link or from this address; retry after `Retry-After` seconds.",
    },
  },
  none: { security: [], errors: [], headers: requestId },
};

export const securitySchemes = {
  bearerAuth: { type: "http", scheme: "bearer", description: "An API key: `parley_…`." },
  basicAuth: { type: "http", scheme: "basic", description: "The API key as user name, empty password." },
  agentSecret: { type: "apiKey", in: "header", name: "X-Agent-Secret", description: "Internal: the voice agent's shared secret (`AGENT_SECRET`)." },
  livekitAgentToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Internal: a LiveKit agent token for the interview's room." },
  consoleSession: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Internal: the console's session cookie (`__Secure-` prefixed over https)." },
};

export const headerComponents = {
  "Request-Id": { description: "Identifies this request in logs and support tickets.", schema: { type: "string" } },
  "X-RateLimit-Limit": { description: "Requests allowed per window for this API key.", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "When the current window ends (see the API conventions).", schema: { type: "integer" } },
};

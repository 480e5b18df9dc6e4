import { z } from "zod";

// Empty strings count as unset, so `FOO=` in a .env file behaves like no FOO at all.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess((v) => (v === "" || v === undefined ? value : v), schema);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");
const httpUrl = z.url({ protocol: /^https?$/ });

export const envSchema = z.object({
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
  DATABASE_URL: optional(postgresUrl),
  DATABASE_POOL_MAX: withDefault(z.coerce.number().int().min(1).max(200), 10),
  PARLEY_DATA_DIR: withDefault(z.string(), ".data"),
  // The public base URL of the app: invitation links and e-mails point here.
  APP_URL: withDefault(httpUrl, `http://localhost:${process.env.PORT || 3000}`),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  AGENT_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  LIVEKIT_URL: optional(z.url({ protocol: /^(wss?|https?)$/ })),
  LIVEKIT_API_KEY: optional(z.string()),
  LIVEKIT_API_SECRET: optional(z.string()),
  // Hosts whose plain-http audio URLs the agent may store (in-cluster object storage); https is always accepted.
  AUDIO_STORAGE_HOSTS: withDefault(
    z.string().transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
    "",
  ),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(httpUrl),
  OPENAI_MODEL: withDefault(z.string(), "gpt-4o"),
  // Model calls in flight at once per process: keeps a burst of finished interviews under the
  // provider's rate limit instead of turning it into a wall of 429s.
  REPORT_CONCURRENCY: withDefault(z.coerce.number().int().min(1).max(100), 4),
  REPORT_MODEL_TIMEOUT_MS: withDefault(z.coerce.number().int().min(1000), 120_000),
  // The interviewer (docs/interviewer.md): its model (default OPENAI_MODEL), the follow-up
  // questions allowed per configured question, and how long a step waits for the model before
  // going on with its script (a candidate is waiting).
  INTERVIEWER_MODEL: optional(z.string()),
  INTERVIEWER_FOLLOW_UPS: withDefault(z.coerce.number().int().min(0).max(10), 2),
  INTERVIEWER_MODEL_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 10_000),
  // Development only: lets webhook endpoints be http:// and resolve to private or loopback
  // addresses (a receiver on this machine). Off, both are refused (SSRF protection).
  WEBHOOKS_ALLOW_PRIVATE_URLS: withDefault(z.enum(["true", "false"]), "false").transform((v) => v === "true"),
  RESEND_API_KEY: optional(z.string()),
  RESEND_BASE_URL: optional(httpUrl),
  EMAIL_FROM: withDefault(z.string(), "Parley <interviews@parley.localhost>"),
  LOG_LEVEL: withDefault(z.enum(["debug", "info", "warn", "error", "silent"]), "info"),
  PARLEY_SEED: withDefault(z.enum(["auto", "off"]), "auto"),
  API_RATE_LIMIT_PER_MINUTE: withDefault(z.coerce.number().int().min(1), 600),
  // Console sessions (docs/console-auth.md): a session row lives this long from sign-in.
  CONSOLE_SESSION_HOURS: withDefault(z.coerce.number().int().min(1).max(720), 12),
  // Console sign-in attempts per window, counted per e-mail and per client address.
  SIGN_IN_LIMIT_PER_EMAIL: withDefault(z.coerce.number().int().min(1), 10),
  SIGN_IN_LIMIT_PER_IP: withDefault(z.coerce.number().int().min(1), 50),
  SIGN_IN_LIMIT_WINDOW_SECONDS: withDefault(z.coerce.number().int().min(10).max(86_400), 900),
  // The candidate's endpoints (/api/invite/<token>/…): requests per minute per link and per
  // client address. A written interview sends a message every few seconds at most.
  INVITE_LIMIT_PER_TOKEN: withDefault(z.coerce.number().int().min(1), 60),
  INVITE_LIMIT_PER_IP: withDefault(z.coerce.number().int().min(1), 300),
  // Reverse proxies in front of the app that append to X-Forwarded-For: the client address is
  // the entry this many places from the right.
  TRUSTED_PROXY_HOPS: withDefault(z.coerce.number().int().min(1).max(10), 1),
  // Background jobs (docs/background-jobs.md): `off` keeps app processes from running them,
  // for a deployment that runs `npm run worker` separately.
  PARLEY_WORKER: withDefault(z.enum(["on", "off"]), "on"),
  WORKER_CONCURRENCY: withDefault(z.coerce.number().int().min(1).max(100), 4),
  WORKER_POLL_MS: withDefault(z.coerce.number().int().min(50).max(60_000), 1000),
  WORKER_LEASE_SECONDS: withDefault(z.coerce.number().int().min(1).max(3600), 60),
  WORKER_STOP_TIMEOUT_SECONDS: withDefault(z.coerce.number().int().min(0).max(3600), 20),
  // `1` serves the benchmark's routes (/api/_bench/*, no authentication); otherwise they are a 404.
  PARLEY_BENCH: withDefault(z.enum(["0", "1"]), "0").transform((v) => v === "1"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new EnvError(
      "Invalid environment:\n  AUTH_SECRET: required in production (32+ random characters). Make one and start again:\n" +
        `    export AUTH_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")`,
    );
  }
  // It turns the webhook SSRF protection off: a development convenience, never a production setting.
  if (env.NODE_ENV === "production" && env.WEBHOOKS_ALLOW_PRIVATE_URLS) {
    throw new EnvError("Invalid environment:\n  WEBHOOKS_ALLOW_PRIVATE_URLS: not allowed in production (it lets webhooks reach private and loopback addresses)");
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

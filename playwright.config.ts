import { defineConfig } from "@playwright/test";
import { API_BASE_URL, API_DATA_DIR, API_PORT } from "./e2e/support/api";
import { sessionFile } from "./e2e/support/sessions";

// End-to-end tests run against `next start` (build first) on a fresh embedded database, in
// Debian's chromium: Playwright cannot download its own browsers on these machines.
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";
export const E2E_AGENT_SECRET = "e2e-agent-secret-0123456789abcdef";
// Sign-ins come from 127.0.0.1 (each setup once per role, the form's test, sessions.spec.ts): the
// limits must leave a whole run (retries included) room, while sessions.spec.ts still reaches the
// per-e-mail one with an e-mail of its own.
export const E2E_SIGN_IN_LIMIT_PER_EMAIL = 25;
// Each project's setup signs in once per role and stores the session beside the server's folder
// (not in it: the folder is emptied when the server starts); the specs start signed in from it.
export const CONSOLE_SESSION = sessionFile(E2E_DATA_DIR, "owner");
export const ACCESS_SESSIONS = { owner: sessionFile(API_DATA_DIR, "owner"), viewer: sessionFile(API_DATA_DIR, "viewer"), outsider: sessionFile(API_DATA_DIR, "outsider") };
const baseURL = `http://127.0.0.1:${PORT}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};
// The candidate's page: Chromium grants the microphone without asking and feeds it a fake
// device whose level moves (e2e/candidate/microphone-denied.spec.ts launches without them).
export const FAKE_MEDIA_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];

const serverEnv = {
  DATABASE_URL: "",
  AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
  // The console specs play an interview with the reference agent, as the voice agent would.
  AGENT_SECRET: E2E_AGENT_SECRET,
  SIGN_IN_LIMIT_PER_EMAIL: String(E2E_SIGN_IN_LIMIT_PER_EMAIL),
  SIGN_IN_LIMIT_PER_IP: "1000",
};

// LiveKit "configured" on the API project's server, so the candidate's page offers voice;
// nothing listens there: the candidate specs answer the voice join themselves and drive the fake room.
export const E2E_LIVEKIT = { LIVEKIT_URL: "ws://127.0.0.1:7999", LIVEKIT_API_KEY: "e2e-livekit-key", LIVEKIT_API_SECRET: "e2e-livekit-secret-0123456789abcdef" };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "console-setup", testMatch: /setup\/console\.setup\.ts/ },
    { name: "console", testMatch: /console\/.*\.spec\.ts/, dependencies: ["console-setup"], use: { storageState: CONSOLE_SESSION } },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, use: { baseURL: API_BASE_URL } },
    // Roles and tenancy in the console, on the API server's folder (it has a viewer, a second
    // organisation and an API key to read results with).
    { name: "access-setup", testMatch: /setup\/access\.setup\.ts/, use: { baseURL: API_BASE_URL } },
    { name: "access", testMatch: /access\/.*\.spec\.ts/, dependencies: ["access-setup"], use: { baseURL: API_BASE_URL } },
    // The candidate's page from the invitation link, on the API server's folder (its API key
    // creates the interviews), with fake media; the voice room is the fake one (see README).
    {
      name: "candidate",
      testMatch: /candidate\/.*\.spec\.ts/,
      use: { baseURL: API_BASE_URL, launchOptions: { ...launchOptions, args: [...launchOptions.args, ...FAKE_MEDIA_ARGS] } },
    },
  ],
  // Two servers: the console project's starts on a brand-new folder (first start seeds it);
  // the API project's folder is prepared first so the specs know its API key.
  webServer: [
    {
      command: `rm -rf ${E2E_DATA_DIR} && npx next start -p ${PORT}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...serverEnv, PARLEY_DATA_DIR: E2E_DATA_DIR, APP_URL: baseURL },
    },
    {
      command: `rm -rf ${API_DATA_DIR} && mkdir -p ${API_DATA_DIR} && node --import tsx e2e/support/prepare-api-server.ts && npx next start -p ${API_PORT}`,
      url: `${API_BASE_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...serverEnv, ...E2E_LIVEKIT, PARLEY_DATA_DIR: API_DATA_DIR, APP_URL: API_BASE_URL, PARLEY_SEED: "off" },
    },
  ],
});

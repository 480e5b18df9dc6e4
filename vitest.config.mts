import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests live in tests/; end-to-end tests in e2e/ (Playwright).
// Integration tests use PGlite unless PARLEY_TEST_DB=postgres.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/global.ts"],
    environment: "node",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The tests' own AUTH_SECRET, rather than one generated under the working copy's .data/.
    env: {
      LOG_LEVEL: "silent",
      NODE_ENV: "test",
      AUTH_SECRET: "parley-tests-auth-secret-0123456789abcdef",
      // The fake LiveKit shares a busy machine with the tests: a slow answer is not an outage.
      LIVEKIT_REQUEST_TIMEOUT_SECONDS: "30",
    },
  },
});

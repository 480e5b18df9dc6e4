import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/interviews/[id]/events/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import * as candidates from "@/app/api/v1/candidates/route";
import { GET as getInterview } from "@/app/api/v1/interviews/[id]/route";
import { organizations } from "@/db/organizations";
import { generateApiKey } from "@/lib/auth/api-key-format";
import { setDatabase } from "@/lib/db/client";
import { wrapPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import type { Database } from "@/lib/db/types";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/http/route";
import { setSessionResolver } from "@/lib/http/console-route";
import { newId } from "@/lib/ids";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { createTestDatabase, testDbKind } from "../helpers/db";
import { call } from "../helpers/http";

// The database goes away (issue 12 item 6): every route answers 503 with Retry-After and the
// problem body, not a 500. On PostgreSQL the server refuses connections (postgres.js); on the
// embedded database the PGlite instance is closed under the app.

let broken: Database;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  useAgentEnv({ AUTH_SECRET: "console-session-secret-for-tests-0123456789" });
  if (testDbKind() === "postgres") {
    // Nothing listens on port 1: every connection attempt is refused.
    broken = openPostgres("postgres://postgres@127.0.0.1:1/parley_gone", { max: 2 });
  } else {
    const made = await createTestDatabase();
    const client = (made.database.db as unknown as { $client: { close(): Promise<void> } }).$client;
    await client.close();
    broken = wrapPglite(client as never, "closed");
  }
  drop = testDbKind() === "postgres" ? () => broken.close() : undefined;
  setDatabase(broken);
  setSessionResolver(async () => ({ userId: "usr_test", organizationId: newId("organization"), role: "recruiter" }));
});
afterAll(async () => {
  setSessionResolver(undefined);
  setDatabase(undefined);
  await drop?.();
});

function expectUnavailable(res: Awaited<ReturnType<typeof call>>) {
  expect(res.status, res.text).toBe(503);
  expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.get("request-id")).toMatch(/^req_/);
  expect(res.json).toMatchObject({ status: 503, code: "service_unavailable", requestId: res.headers.get("request-id") });
}

describe("database outage", () => {
  const authorization = `Bearer ${generateApiKey()}`;
  const interviewId = newId("interview");

  it("the public API answers 503 with Retry-After (reads, writes, writes with an Idempotency-Key)", async () => {
    expectUnavailable(await call(candidates.GET, { path: "/api/v1/candidates", headers: { authorization } }));
    expectUnavailable(await call(getInterview, { path: `/api/v1/interviews/${interviewId}`, params: { id: interviewId }, headers: { authorization } }));
    const body = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };
    expectUnavailable(await call(candidates.POST, { method: "POST", path: "/api/v1/candidates", headers: { authorization }, body }));
    expectUnavailable(await call(candidates.POST, { method: "POST", path: "/api/v1/candidates", headers: { authorization, "idempotency-key": "k1" }, body }));
  });

  it("the agent's and the console's routes answer 503 too", async () => {
    const turn = { turnNumber: 1, role: "agent", content: "Hello" };
    expectUnavailable(await call(postTurn, { method: "POST", path: "/x", params: { id: interviewId }, headers: secretHeaders, body: turn }));
    expectUnavailable(await call(events, { path: "/x", params: { id: interviewId } }));
  });

  it("a page's query fails with the outage digest, which the error page shows as an outage", async () => {
    const err = await broken.db.select().from(organizations).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "DatabaseError", digest: DATABASE_UNAVAILABLE_DIGEST });
  });

  it("recognises connection failures of both drivers, and only those", () => {
    for (const code of ["ECONNREFUSED", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "57P01", "08006"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("y"), { code: "ECONNRESET" }) }))).toBe(true);
    for (const code of ["23505", "22021", "42P01", undefined]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), String(code)).toBe(false);
    }
  });
});

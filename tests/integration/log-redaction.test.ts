import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "@/db/candidates";
import { emails } from "@/db/emails";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import { sendEmailJob } from "@/lib/email/deliver";
import { resetEnvCache } from "@/lib/env";
import { route } from "@/lib/http/route";
import { createTurnBody } from "@/lib/api/schemas/agent";
import { newId } from "@/lib/ids";
import { createInterview } from "@/lib/interviews/create";
import { recordTurnInProgress } from "@/lib/turns/record-fast";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewWorld } from "../helpers/interview-fixtures";

// Logs carry parameter-free messages and ids only (issue 12 item 8): a failed query's values
// (names, e-mails, turn content, key hashes) and an invitation link never reach a log line,
// nor the error objects Next prints itself when a page fails.

const db = setupTestDatabase();
const d = () => db.get().db;
let ctx: Ctx;
const lines: string[] = [];
const originals = { out: process.stdout.write, err: process.stderr.write };

beforeAll(async () => {
  ({ ctx } = await createTestOrg(d()));
  process.env.LOG_LEVEL = "debug";
  delete process.env.RESEND_API_KEY;
  resetEnvCache();
  const capture = (original: typeof process.stdout.write) =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      lines.push(String(chunk));
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  // Captured and passed through quietly: only JSON log lines are collected below.
  process.stdout.write = capture(() => true);
  process.stderr.write = capture(() => true);
});
afterAll(() => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  process.env.LOG_LEVEL = "silent";
  resetEnvCache();
});
afterEach(() => {
  lines.length = 0;
});

const logged = () => lines.join("");
const records = () =>
  lines.flatMap((l) => l.split("\n")).filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
const SECRET_NAME = "Grace-Secret-Name";
const SECRET_EMAIL = "grace.secret@example.com";

describe("a database error", () => {
  it("in a route is logged with its request id and code, without the query's values", async () => {
    // Past the HTTP validation on purpose: a domain call whose insert PostgreSQL refuses.
    const handler = route(async () => {
      await createCandidate(d(), ctx, { firstName: SECRET_NAME, lastName: "Hopper\u0000", email: SECRET_EMAIL, phone: null, locale: "en", externalId: null });
      return new Response("unreachable");
    });
    const res = await handler(new Request("http://localhost/api/v1/candidates", { method: "POST" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    const line = records().find((l) => l.message === "unhandled error");
    expect(line).toMatchObject({ level: "error", requestId: res.headers.get("request-id"), code: "22021" });
    expect(String(line!.error)).toMatch(/0x00/);
    expect(logged()).not.toContain(SECRET_NAME);
    expect(logged()).not.toContain(SECRET_EMAIL);
  });

  it("as thrown is itself free of the values, so whatever prints it (Next, a job's last_error) cannot leak them", async () => {
    const failures: unknown[] = [];
    await d().select().from(candidates).where(eq(candidates.email, `${SECRET_EMAIL}\u0000`)).catch((err) => failures.push(err));
    // The turn writes' named prepared statement (lib/turns/record-fast.ts).
    const turn = createTurnBody.parse({ turnNumber: 1, role: "agent", content: `${SECRET_NAME}\u0000` });
    await recordTurnInProgress(d(), ctx, newId("interview"), turn).catch((err) => failures.push(err));
    // A value PostgreSQL quotes in its own message, through a prepared query's placeholder.
    const asNumber = d().select({ n: sql`${sql.placeholder("n")}::int`.as("n") }).from(candidates).prepare("log_redaction_int");
    await asNumber.execute({ n: SECRET_NAME }).catch((err) => failures.push(err));
    expect(failures).toHaveLength(3);
    for (const err of failures) {
      const printed = `${inspect(err, { depth: 5, showHidden: false })}\n${(err as Error).stack}`;
      expect(printed).not.toContain(SECRET_EMAIL);
      expect(printed).not.toContain(SECRET_NAME);
      expect(err).toMatchObject({ name: "DatabaseError", code: expect.stringMatching(/^22/) });
    }
  });
});

describe("the local outbox", () => {
  it("logs an invitation kept there by id, never its link nor the address", async () => {
    const interview = await createInterview(d(), ctx, {
      ...(await interviewWorld(d(), ctx, { email: SECRET_EMAIL })),
      campaignId: null,
      stageId: null,
      configId: null,
      expiresAt: null,
      sendInvite: true,
    });
    const [email] = await d().select().from(emails).where(eq(emails.interviewId, interview.id));
    await sendEmailJob.handler(d(), { id: "bj_test", kind: "email.send", payload: { emailId: email!.id }, organizationId: ctx.organizationId, attempt: 1, maxAttempts: 5 });
    const line = records().find((l) => String(l.message).startsWith("e-mail kept in the local outbox"));
    expect(line).toMatchObject({ level: "info", emailId: email!.id, interviewId: interview.id });
    const token = new URL(interview.invitationUrl).pathname.split("/").pop()!;
    expect(logged()).not.toContain(token);
    expect(logged()).not.toContain("/i/");
    expect(logged()).not.toContain(SECRET_EMAIL);
  });
});

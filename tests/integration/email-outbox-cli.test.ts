import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emails } from "@/db/emails";
import { deliverEmailJob } from "@/lib/email/deliver";
import { resetEnvCache } from "@/lib/env";
import { createInterview } from "@/lib/interviews/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewWorld } from "../helpers/interview-fixtures";
import { runTs } from "../helpers/spawn";

// The local outbox viewer, run as a developer runs it: a child process on the same database
// (PostgreSQL runs) or on an embedded folder of its own (PGlite runs: one process per folder).
const db = setupTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-outbox-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  const url = db.url();
  const res = await runTs("cli/index.ts", ["outbox", "list", ...args], url ? { DATABASE_URL: url } : { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir });
  return { ...res, json: res.code === 0 ? JSON.parse(res.stdout) : null };
};

describe("npm run cli -- outbox list", () => {
  it("prints the e-mails kept without a provider, with their link, as one JSON object", async () => {
    if (!db.url()) {
      const empty = await cli();
      expect(empty.code).toBe(0);
      expect(empty.json).toEqual({ emails: [] });
      return;
    }
    delete process.env.RESEND_API_KEY;
    resetEnvCache();
    const { org, ctx } = await createTestOrg(db.get().db, "Outbox Org");
    const world = await interviewWorld(db.get().db, ctx);
    const interview = await createInterview(db.get().db, ctx, { ...world, campaignId: null, stageId: null, configId: null, expiresAt: null, sendInvite: true });
    const [email] = await db.get().db.select().from(emails).where(eq(emails.interviewId, interview.id));
    await deliverEmailJob(db.get().db, { id: "bj_x", kind: "email.send", payload: { emailId: email!.id }, organizationId: org.id, attempt: 1, maxAttempts: 8 });

    const res = await cli("--org", org.slug);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json.emails).toHaveLength(1);
    expect(res.json.emails[0]).toMatchObject({ id: email!.id, status: "OUTBOX", to: "ada@example.com", interviewId: interview.id });
    expect(res.json.emails[0].text).toContain(interview.invitationUrl);
  });

  it("refuses an unknown status with a usage error", async () => {
    const res = await cli("--status", "LOST");
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("--status");
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emails } from "@/db/emails";
import { sendEmailJob } from "@/lib/email/deliver";
import { resetEnvCache } from "@/lib/env";
import { createInterview } from "@/lib/interviews/create";
import { runCli } from "../helpers/cli";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewWorld } from "../helpers/interview-fixtures";

// The local outbox viewer (`npm run cli -- outbox list`), run in-process on this file's database.
const db = setupTestDatabase();
const outbox = (...args: string[]) => runCli("outbox", "list", ...args);

describe("npm run cli -- outbox list", () => {
  it("prints the e-mails kept without a provider, with their link, as one JSON object", async () => {
    delete process.env.RESEND_API_KEY;
    resetEnvCache();
    const { org, ctx } = await createTestOrg(db.get().db, "Outbox Org");
    expect((await outbox("--org", org.slug)).json).toEqual({ emails: [] });

    const world = await interviewWorld(db.get().db, ctx);
    const interview = await createInterview(db.get().db, ctx, { ...world, campaignId: null, stageId: null, configId: null, expiresAt: null, sendInvite: true });
    const [email] = await db.get().db.select().from(emails).where(eq(emails.interviewId, interview.id));
    await sendEmailJob.handler(db.get().db, { id: "bj_x", kind: "email.send", payload: { emailId: email!.id }, organizationId: org.id, attempt: 1, maxAttempts: 8 });

    const res = await outbox("--org", org.slug);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json.emails).toHaveLength(1);
    expect(res.json.emails[0]).toMatchObject({ id: email!.id, status: "OUTBOX", to: "ada@example.com", interviewId: interview.id });
    expect(res.json.emails[0].text).toContain(interview.invitationUrl);
  });

  it("refuses an unknown status with a usage error", async () => {
    const res = await outbox("--status", "LOST");
    expect(res.code).toBe(2);
    expect(res.error.message).toContain("--status");
  });
});

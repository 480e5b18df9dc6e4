import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emails } from "@/db/emails";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import { sendEmailJob } from "@/lib/email/deliver";
import { resetEnvCache } from "@/lib/env";
import { cancelInterview } from "@/lib/interviews/cancel";
import { createInterview } from "@/lib/interviews/create";
import { expireOverdueInterviews } from "@/lib/interviews/expiry";
import { resendInvitation } from "@/lib/interviews/resend-invitation";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewWorld } from "../helpers/interview-fixtures";

// An invitation link is a credential: the stored copy of an e-mail that will never be sent
// (withdrawn) must not keep it, any more than a sent one does.
const db = setupTestDatabase();
const d = () => db.get().db;
let ctx: Ctx;

beforeEach(async () => {
  ({ ctx } = await createTestOrg(d()));
  delete process.env.RESEND_API_KEY;
  resetEnvCache();
});

async function invite() {
  const interview = await createInterview(d(), ctx, { ...(await interviewWorld(d(), ctx)), campaignId: null, stageId: null, configId: null, expiresAt: null, sendInvite: true });
  return { interview, token: interview.invitationUrl.split("/i/")[1]! };
}
const emailsOf = (interviewId: string) => d().select().from(emails).where(eq(emails.interviewId, interviewId)).orderBy(emails.createdAt);
const job = (emailId: string) => ({ id: "bj_test", kind: "email.send", payload: { emailId }, organizationId: ctx.organizationId, attempt: 1, maxAttempts: 5 });

/** The stored bodies hold neither the token nor any other link token; the rest of the text stays. */
function expectNoLink(email: { html: string; text: string; subject: string }, token: string) {
  for (const body of [email.html, email.text]) {
    expect(body).not.toContain(token);
    expect(body).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    expect(body).toContain("/i/[link-removed]");
  }
}

describe("invitation links in stored e-mails", () => {
  it("a queued e-mail withdrawn because the interview was cancelled loses its link", async () => {
    const { interview, token } = await invite();
    expect((await emailsOf(interview.id))[0]!.text).toContain(token);
    await cancelInterview(d(), ctx, interview.id);
    const [email] = await emailsOf(interview.id);
    expect(email!.status).toBe("FAILED");
    expectNoLink(email!, token);
  });

  it("a re-sent invitation: the superseded e-mail loses its link, the new one keeps its own until delivered", async () => {
    const { interview, token } = await invite();
    const resent = await resendInvitation(d(), ctx, interview.id, { expiresAt: null });
    const [old, current] = await emailsOf(interview.id);
    expect(old!.status).toBe("FAILED");
    expectNoLink(old!, token);
    expect(current!.status).toBe("QUEUED");
    expect(current!.text).toContain(resent.invitationUrl);
  });

  it("an e-mail kept in the local outbox keeps its link until the invitation is re-sent or cancelled", async () => {
    const { interview, token } = await invite();
    await sendEmailJob.handler(d(), job((await emailsOf(interview.id))[0]!.id));
    expect((await emailsOf(interview.id))[0]).toMatchObject({ status: "OUTBOX", text: expect.stringContaining(token) });

    const resent = await resendInvitation(d(), ctx, interview.id, { expiresAt: null });
    const [old] = await emailsOf(interview.id);
    expect(old!.status).toBe("OUTBOX");
    expectNoLink(old!, token);

    await cancelInterview(d(), ctx, interview.id);
    for (const email of await emailsOf(interview.id)) expectNoLink(email, resent.invitationUrl.split("/i/")[1]!);
  });

  it("a queued e-mail withdrawn by the expiry sweep loses its link", async () => {
    const { interview, token } = await invite();
    await d().update(interviews).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(interviews.id, interview.id));
    await expireOverdueInterviews(d());
    const [email] = await emailsOf(interview.id);
    expect(email!.status).toBe("FAILED");
    expectNoLink(email!, token);
  });
});

import { describe, expect, it } from "vitest";
import { countInterviewsByStatus } from "@/lib/interviews/stats";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertInterview, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();

describe("interview counts by status (console overview)", () => {
  it("counts by effective status: an overdue invitation is EXPIRED before the sweep; other organisations do not count", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { ctx: other } = await createTestOrg(db.get().db);
    const ref = { candidateId: await insertCandidate(db.get().db, ctx), jobId: await insertJob(db.get().db, ctx) };
    const hour = 3600_000;
    await insertInterview(db.get().db, ctx, ref, { status: "INVITED", expiresAt: new Date(Date.now() + hour) });
    await insertInterview(db.get().db, ctx, ref, { status: "INVITED", expiresAt: new Date(Date.now() - hour) });
    await insertInterview(db.get().db, ctx, ref, { status: "DRAFT", expiresAt: new Date(Date.now() - hour) });
    await insertInterview(db.get().db, ctx, ref, { status: "IN_PROGRESS", expiresAt: new Date(Date.now() - hour) });
    const otherRef = { candidateId: await insertCandidate(db.get().db, other), jobId: await insertJob(db.get().db, other) };
    await insertInterview(db.get().db, other, otherRef, { status: "INVITED", expiresAt: new Date(Date.now() + hour) });

    expect(await countInterviewsByStatus(db.get().db, ctx)).toEqual({
      DRAFT: 0,
      INVITED: 1,
      IN_PROGRESS: 1,
      COMPLETED: 0,
      CANCELLED: 0,
      EXPIRED: 2,
    });
  });
});

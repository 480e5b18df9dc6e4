import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviewStatusCounts } from "@/db/interview-status-counts";
import { interviewStatus, interviews, type InterviewStatus } from "@/db/interviews";
import { organizations } from "@/db/organizations";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { expireOverdueInterviews } from "@/lib/interviews/expiry";
import { countInterviewsByStatus, foldInterviewStatusCounts } from "@/lib/interviews/stats";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertInterview, interviewWorld } from "../helpers/interview-fixtures";

// The counts behind list totals and the console's tabs are kept by triggers, not computed:
// after any mix of inserts, status changes, deletes, rollbacks and folds they must equal
// counting the interviews themselves.
const db = setupTestDatabase();
const HOUR = 3600_000;

async function countedDirectly(d: Db, ctx: Ctx): Promise<Record<InterviewStatus, number>> {
  const rows = await d.select({ status: interviews.status, n: count() }).from(interviews).where(eq(interviews.organizationId, ctx.organizationId)).groupBy(interviews.status);
  const out = Object.fromEntries(interviewStatus.enumValues.map((s) => [s, 0])) as Record<InterviewStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

describe("interview status counts", () => {
  it("follow inserts, status changes, deletes and the expiry sweep, and ignore rolled-back changes", async () => {
    const d = db.get().db;
    const { ctx } = await createTestOrg(d);
    const { ctx: other } = await createTestOrg(d);
    const world = await interviewWorld(d, ctx);
    const made = [];
    for (const status of ["DRAFT", "INVITED", "INVITED", "IN_PROGRESS", "COMPLETED"] as const) made.push((await insertInterview(d, ctx, world, { status })).interview.id);
    await insertInterview(d, other, await interviewWorld(d, other), { status: "INVITED" });
    expect(await countInterviewsByStatus(d, ctx)).toEqual(await countedDirectly(d, ctx));

    await d.update(interviews).set({ status: "IN_PROGRESS" }).where(eq(interviews.id, made[1]!));
    await d.update(interviews).set({ status: "COMPLETED" }).where(eq(interviews.status, "IN_PROGRESS"));
    await d.update(interviews).set({ audioUrl: "https://audio.example/a.ogg" }).where(eq(interviews.id, made[4]!));
    await d.delete(interviews).where(eq(interviews.id, made[0]!));
    await d
      .transaction(async (tx) => {
        await tx.update(interviews).set({ status: "CANCELLED" }).where(eq(interviews.organizationId, ctx.organizationId));
        throw new Error("roll back");
      })
      .catch(() => {});
    await d.update(interviews).set({ expiresAt: new Date(Date.now() - HOUR) }).where(eq(interviews.id, made[2]!));
    await expireOverdueInterviews(d);

    const expected = await countedDirectly(d, ctx);
    expect(expected).toMatchObject({ DRAFT: 0, INVITED: 0, IN_PROGRESS: 0, COMPLETED: 3, EXPIRED: 1 });
    expect(await countInterviewsByStatus(d, ctx)).toEqual(expected);
    expect((await countInterviewsByStatus(d, other)).INVITED).toBe(1);
  });

  it("fold into one row per organisation and status without changing any count", async () => {
    const d = db.get().db;
    const { ctx } = await createTestOrg(d);
    const world = await interviewWorld(d, ctx);
    for (let i = 0; i < 6; i++) await insertInterview(d, ctx, world, { status: i % 2 ? "COMPLETED" : "INVITED" });
    await d.update(interviews).set({ status: "CANCELLED" }).where(eq(interviews.status, "INVITED"));
    const before = await countInterviewsByStatus(d, ctx);
    const rowsOf = async () => (await d.select({ n: count() }).from(interviewStatusCounts).where(eq(interviewStatusCounts.organizationId, ctx.organizationId)))[0]!.n;
    expect(await rowsOf()).toBeGreaterThan(2);

    expect(await foldInterviewStatusCounts(d)).toBeGreaterThan(0);
    expect(await rowsOf()).toBe(2); // COMPLETED and CANCELLED; INVITED summed to zero and is gone
    expect(await countInterviewsByStatus(d, ctx)).toEqual(before);
    expect(before).toMatchObject({ COMPLETED: 3, CANCELLED: 3, INVITED: 0 });
  });

  it("go with their organisation when it is deleted", async () => {
    const d = db.get().db;
    const { ctx } = await createTestOrg(d);
    await insertInterview(d, ctx, await interviewWorld(d, ctx));
    await d.delete(organizations).where(eq(organizations.id, ctx.organizationId));
    const left = await d.select({ n: count() }).from(interviewStatusCounts).where(eq(interviewStatusCounts.organizationId, ctx.organizationId));
    expect(left[0]!.n).toBe(0);
  });
});

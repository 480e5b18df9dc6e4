import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates } from "@/db/candidates";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { getInterview } from "@/lib/interviews/get";
import { listInterviews } from "@/lib/interviews/list";
import { countInterviewsByStatus } from "@/lib/interviews/stats";
import { isId } from "@/lib/ids";
import { generateScaleData } from "@/lib/seed/scale-data";
import { setupTestDatabase } from "../helpers/db";

// The benchmark data must be data the product reads like any other: valid ids, every status,
// kept counts that agree with the rows, reports for completed interviews.
const db = setupTestDatabase();

describe("generateScaleData", () => {
  it("loads organisations whose interviews read through the API functions like any others", async () => {
    const d = db.get().db;
    const made = await generateScaleData(d, { interviews: 900, largestShare: 2 / 3, otherOrganizations: 2, days: 60 });
    expect(made).toMatchObject({ organizations: 3, largest: { interviews: 600 }, rows: { interviews: 900, candidates: 720 } });
    const ctx = { organizationId: made.largest.id, actor: { type: "system" as const, id: "test" } };

    const counts = await countInterviewsByStatus(d, ctx);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(600);
    for (const status of ["INVITED", "COMPLETED", "EXPIRED", "CANCELLED"] as const) expect(counts[status], status).toBeGreaterThan(0);
    // A few invitations just past expiry, not swept yet: stored INVITED, read EXPIRED.
    const [{ overdue }] = (await d
      .select({ overdue: count() })
      .from(interviews)
      .where(and(eq(interviews.organizationId, ctx.organizationId), eq(interviews.status, "INVITED"), sql`${interviews.expiresAt} <= now()`))) as [{ overdue: number }];
    expect(counts.EXPIRED).toBeGreaterThanOrEqual(overdue);

    const page = await listInterviews(d, ctx, { page: 1, pageSize: 20 });
    expect(page.total).toBe(600);
    expect(page.items).toHaveLength(20);
    expect(page.items.every((i) => isId("interview", i.id) && isId("candidate", i.candidate.id) && isId("job", i.job.id))).toBe(true);
    expect(page.items.some((i) => i.invitation.emailId !== null)).toBe(true);

    const completed = (await listInterviews(d, ctx, { page: 1, pageSize: 1, status: "COMPLETED" })).items[0]!;
    const full = await getInterview(d, ctx, completed.id);
    expect(full.evaluation).toMatchObject({ overallScore: expect.any(Number), recommendation: expect.any(String) });
    const [{ n: reportCount }] = (await d.select({ n: count() }).from(reports).where(eq(reports.organizationId, ctx.organizationId))) as [{ n: number }];
    expect(reportCount).toBe(counts.COMPLETED);
    const [{ n: candidateCount }] = (await d.select({ n: count() }).from(candidates).where(eq(candidates.organizationId, ctx.organizationId))) as [{ n: number }];
    expect(candidateCount).toBe(480);
  }, 300_000);
});

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/context";
import { CONSOLE_PAGE_SIZE, consoleListParams, listConsoleInterviews } from "@/lib/console/interview-list";
import { COUNT_PAST_PAGE } from "@/lib/db/newest-first";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertInterview, insertJob } from "../helpers/interview-fixtures";

// The console's interview list takes two roads: the API's list (newest first, filters only)
// and its own query (search, end date, other orders). Both must agree on the effective
// status, keep to the organisation, and say when a total is only a lower bound.
const db = setupTestDatabase();
const HOUR = 3600_000;
const params = (p: Record<string, string>) => consoleListParams.parse(p);

describe("console interview list", () => {
  let ctx: Ctx;
  let jobId: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    const d = db.get().db;
    ({ ctx } = await createTestOrg(d));
    jobId = await insertJob(d, ctx);
    const ada = { candidateId: await insertCandidate(d, ctx, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" }), jobId };
    const grace = { candidateId: await insertCandidate(d, ctx, { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }), jobId };
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
    // Newest first: fresh invitation, overdue invitation, overdue draft, stored EXPIRED, completed.
    const rows = [
      ["invited", ada, { status: "INVITED", createdAt: at(1) }],
      ["overdueInvited", grace, { status: "INVITED", expiresAt: at(1), createdAt: at(2) }],
      ["overdueDraft", ada, { status: "DRAFT", expiresAt: at(1), createdAt: at(3) }],
      ["expired", grace, { status: "EXPIRED", expiresAt: at(1), createdAt: at(4) }],
      ["completed", grace, { status: "COMPLETED", createdAt: at(5) }],
    ] as const;
    for (const [name, ref, over] of rows) made[name] = (await insertInterview(d, ctx, ref, over)).interview.id;
    const { ctx: other } = await createTestOrg(d);
    await insertInterview(d, other, { candidateId: await insertCandidate(d, other, { email: "grace@example.com" }), jobId: await insertJob(d, other) }, { status: "EXPIRED" });
  });

  it("filters on the effective status alike on both roads, newest or oldest first, within the organisation", async () => {
    const d = db.get().db;
    const expired = [made.overdueInvited, made.overdueDraft, made.expired];
    const fast = await listConsoleInterviews(d, ctx, params({ status: "EXPIRED" }));
    expect(fast.rows.map((r) => r.id)).toEqual(expired);
    expect(fast.rows.every((r) => r.status === "EXPIRED")).toBe(true);
    expect(fast).toMatchObject({ total: 3, totalExact: true });

    const oldest = await listConsoleInterviews(d, ctx, params({ status: "EXPIRED", sort: "oldest" }));
    expect(oldest.rows.map((r) => r.id)).toEqual([...expired].reverse());
    expect(oldest).toMatchObject({ total: 3, totalExact: true });

    const searched = await listConsoleInterviews(d, ctx, params({ status: "EXPIRED", q: "GRACE" }));
    expect(searched.rows.map((r) => r.id)).toEqual([made.overdueInvited, made.expired]);
    expect(searched).toMatchObject({ total: 2, totalExact: true });

    const invited = await listConsoleInterviews(d, ctx, params({ status: "INVITED", q: "example.com" }));
    expect(invited.rows.map((r) => r.id)).toEqual([made.invited]);
  });

  it("stops counting past the bound on both roads: the total is a lower bound, the pages still come", async () => {
    const d = db.get().db;
    const { ctx: big } = await createTestOrg(d);
    const ref = { candidateId: await insertCandidate(d, big, { email: "many@example.com" }), jobId: await insertJob(d, big) };
    const { interview: seed } = await insertInterview(d, big, ref, { status: "COMPLETED" });
    const rows = COUNT_PAST_PAGE + 2 * CONSOLE_PAGE_SIZE;
    await d.execute(sql`insert into interviews (id, organization_id, candidate_id, job_id, config_id, config_snapshot, status, invitation_token_hash, expires_at, room_name, created_at, updated_at)
      select 'int_' || substr(md5(${seed.id} || g), 1, 22), organization_id, candidate_id, job_id, config_id, config_snapshot, status, md5(${seed.id} || g), expires_at,
        room_name || '-' || g, created_at - g * interval '1 second', updated_at
      from interviews, generate_series(1, ${rows - 1}::int) g where id = ${seed.id}`);
    const bound = CONSOLE_PAGE_SIZE + COUNT_PAST_PAGE;

    // The job filter counts (only status alone has kept counts); the search road counts too.
    for (const p of [{ job: ref.jobId }, { q: "many@" }, { sort: "oldest" }] as Record<string, string>[]) {
      const first = await listConsoleInterviews(d, big, params(p));
      expect(first, JSON.stringify(p)).toMatchObject({ total: bound, totalExact: false });
      expect(first.rows).toHaveLength(CONSOLE_PAGE_SIZE);
      const last = await listConsoleInterviews(d, big, params({ ...p, page: String(rows / CONSOLE_PAGE_SIZE) }));
      expect(last, JSON.stringify(p)).toMatchObject({ total: rows, totalExact: true });
      expect(last.rows).toHaveLength(CONSOLE_PAGE_SIZE);
    }
    // Unfiltered or by status alone, the kept counts answer exactly at any size.
    expect(await listConsoleInterviews(d, big, params({ status: "COMPLETED" }))).toMatchObject({ total: rows, totalExact: true });
  });
});

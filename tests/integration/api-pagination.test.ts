import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { GET as listCandidates } from "@/app/api/v1/candidates/route";
import { GET as listConfigs } from "@/app/api/v1/interview-configs/route";
import { GET as listJobs } from "@/app/api/v1/jobs/route";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import { interviewConfigs } from "@/db/interview-configs";
import { jobs } from "@/db/jobs";
import { createCampaign } from "@/lib/campaigns/create";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import { COUNT_PAST_PAGE } from "@/lib/db/newest-first";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { defaultConfigValues } from "@/lib/interview-configs/defaults";
import { createJob } from "@/lib/jobs/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

// Every list walks the same way: 23 rows, ten of them created one by one and thirteen in one
// statement (so they share createdAt and only the id orders them), read as three pages of 10.
const db = setupTestDatabase();
const TOTAL = 23;
const BULK = 13;
const times = (n: number) => Array.from({ length: n }, (_, i) => i);

type Table = typeof candidates | typeof jobs | typeof campaigns | typeof interviewConfigs;
type Resource = { path: string; handler: typeof listJobs; table: Table; seed: (d: Db, ctx: Ctx) => Promise<void> };

const jobRows = (ctx: Ctx, n: number) => times(n).map((i) => ({ id: newId("job"), organizationId: ctx.organizationId, title: `Bulk ${i}` }));

const resources: Resource[] = [
  {
    path: "/api/v1/candidates",
    handler: listCandidates,
    table: candidates,
    seed: async (d, ctx) => {
      for (const i of times(TOTAL - BULK)) await createCandidate(d, ctx, { firstName: `C${i}`, lastName: "L", email: "same@example.com", phone: null, locale: "en", externalId: null });
      await d.insert(candidates).values(times(BULK).map((i) => ({ id: newId("candidate"), organizationId: ctx.organizationId, firstName: `B${i}`, lastName: "L", email: "same@example.com" })));
    },
  },
  {
    path: "/api/v1/jobs",
    handler: listJobs,
    table: jobs,
    seed: async (d, ctx) => {
      for (const i of times(TOTAL - BULK)) await createJob(d, ctx, { title: `J${i}`, description: null, location: null, externalId: null });
      await d.insert(jobs).values(jobRows(ctx, BULK));
    },
  },
  {
    path: "/api/v1/campaigns",
    handler: listCampaigns,
    table: campaigns,
    seed: async (d, ctx) => {
      const [job] = await d.insert(jobs).values(jobRows(ctx, 1)).returning();
      for (const i of times(TOTAL - BULK)) await createCampaign(d, ctx, { jobId: job!.id, name: `P${i}`, stages: [{ name: "S", configId: null, generateReport: true }] });
      await d.insert(campaigns).values(times(BULK).map((i) => ({ id: newId("campaign"), organizationId: ctx.organizationId, jobId: job!.id, name: `B${i}` })));
    },
  },
  {
    path: "/api/v1/interview-configs",
    handler: listConfigs,
    table: interviewConfigs,
    // The organisation's default configuration is the first of the 23.
    seed: async (d, ctx) => {
      const row = () => ({ ...defaultConfigValues(), id: newId("config"), organizationId: ctx.organizationId });
      for (const _ of times(TOTAL - BULK - 1)) await d.insert(interviewConfigs).values(row());
      await d.insert(interviewConfigs).values(times(BULK).map(row));
    },
  },
];

describe.each(resources)("GET $path pagination", ({ path, handler, table, seed }) => {
  it("walks 23 rows as three pages: newest first, no duplicate, no gap, totals and Link rels", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    await seed(db.get().db, ctx);
    const other = await createTestOrg(db.get().db);
    await seed(db.get().db, other.ctx);
    const { authorization } = await createTestKey(db.get().db, ctx);
    const expected = (
      await db.get().db.select({ id: table.id }).from(table).where(eq(table.organizationId, ctx.organizationId)).orderBy(desc(table.createdAt), desc(table.id))
    ).map((r) => r.id);
    expect(expected).toHaveLength(TOTAL);

    const seen: string[] = [];
    let next: string | null = `${path}?pageSize=10`;
    const rels: string[][] = [];
    while (next) {
      const res = await call(handler, { path: next, headers: { authorization } });
      expect(res.status).toBe(200);
      const page = seen.length / 10 + 1;
      expect(res.json.pagination).toEqual({ page, pageSize: 10, total: TOTAL, totalExact: true, totalPages: 3, hasMore: page < 3 });
      seen.push(...res.json.data.map((item: { id: string }) => item.id));
      const links = parseLinks(res.headers.get("link")!);
      rels.push(Object.keys(links));
      expect(links.first).toBe(`${path}?pageSize=10&page=1`);
      expect(links.last).toContain("page=3");
      next = links.next ?? null;
    }
    expect(seen).toEqual(expected);
    expect(rels).toEqual([["first", "next", "last"], ["first", "prev", "next", "last"], ["first", "prev", "last"]]);

    const beyond = await call(handler, { path: `${path}?pageSize=10&page=4`, headers: { authorization } });
    expect(beyond.json).toMatchObject({ data: [], pagination: { page: 4, total: TOTAL, hasMore: false } });
  });
});

describe("Link headers keep the filters", () => {
  it("carries ?email= into next and last", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    await resources[0]!.seed(db.get().db, ctx);
    const { authorization } = await createTestKey(db.get().db, ctx, ["candidates:read"]);
    const res = await call(listCandidates, { path: "/api/v1/candidates?email=SAME@example.com&pageSize=5&page=2", headers: { authorization } });
    const links = parseLinks(res.headers.get("link")!);
    expect(res.json.pagination).toMatchObject({ total: TOTAL, totalPages: 5 });
    for (const rel of ["first", "prev", "next", "last"]) expect(new URL(links[rel]!, "http://x").searchParams.get("email"), rel).toBe("SAME@example.com");
    expect(new URL(links.next!, "http://x").searchParams.get("page")).toBe("3");
  });
});

describe("a total past the counting bound", () => {
  it("is a lower bound (totalExact false) with next but no last; exact again once the page nears the end", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const rows = COUNT_PAST_PAGE + 30;
    await db.get().db.execute(sql`insert into candidates (id, organization_id, first_name, last_name, email)
      select 'cand_' || substr(md5(${ctx.organizationId} || g), 1, 22), ${ctx.organizationId}, 'F', 'L', 'c' || g || '@example.com'
      from generate_series(1, ${rows}::int) g`);
    const { authorization } = await createTestKey(db.get().db, ctx, ["candidates:read"]);
    const first = await call(listCandidates, { path: "/api/v1/candidates?pageSize=10", headers: { authorization } });
    expect(first.json.pagination).toEqual({ page: 1, pageSize: 10, total: COUNT_PAST_PAGE + 10, totalExact: false, totalPages: COUNT_PAST_PAGE / 10 + 1, hasMore: true });
    expect(Object.keys(parseLinks(first.headers.get("link")!))).toEqual(["first", "next"]);
    const third = await call(listCandidates, { path: "/api/v1/candidates?pageSize=10&page=3", headers: { authorization } });
    expect(third.json.pagination).toMatchObject({ total: rows, totalExact: true, hasMore: true });
    expect(parseLinks(third.headers.get("link")!).last).toContain(`page=${rows / 10}`);
  });
});

function parseLinks(header: string): Record<string, string> {
  return Object.fromEntries([...header.matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]));
}

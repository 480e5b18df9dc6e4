import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviewConfigs } from "@/db/interview-configs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { createOrganization } from "@/lib/organizations";
import { seedDemo } from "@/lib/seed/demo";
import { createUser, verifyCredentials } from "@/lib/users";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

const db = setupTestDatabase();
const system = { type: "system" as const, id: "test" };

describe("organisations and users", () => {
  it("every organisation starts with exactly one default interview configuration", async () => {
    const { org } = await createTestOrg(db.get().db);
    const configs = await db.get().db.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, org.id));
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({ isDefault: true, version: 1 });
    expect(configs[0]!.criteria.length).toBeGreaterThan(0);
  });

  it("refuses a duplicate slug with a conflict and writes nothing", async () => {
    await createOrganization(db.get().db, system, { name: "Umbrella", slug: "umbrella" });
    await expect(createOrganization(db.get().db, system, { name: "Umbrella 2", slug: "umbrella" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("signs a user in with the right password only, into their organisation", async () => {
    const { ctx, org } = await createTestOrg(db.get().db, "Hooli");
    await createUser(db.get().db, ctx, { email: "Gavin@Hooli.example", password: "hooli-secret", role: "admin" });
    expect(await verifyCredentials(db.get().db, "gavin@hooli.example", "wrong-password")).toBeNull();
    expect(await verifyCredentials(db.get().db, "nobody@hooli.example", "hooli-secret")).toBeNull();
    expect(await verifyCredentials(db.get().db, "GAVIN@hooli.example", "hooli-secret")).toMatchObject({ organizationId: org.id, role: "admin" });
    await expect(createUser(db.get().db, ctx, { email: "gavin@hooli.example", password: "another-one" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("demo seed", () => {
  it("creates interviews in every status, transcripts, and a ready report for the completed one", async () => {
    const seeded = await seedDemo(db.get().db);
    const orgId = seeded.organization.id;
    const rows = await db.get().db.select().from(interviews).where(eq(interviews.organizationId, orgId));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["DRAFT", "INVITED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "EXPIRED"]));
    const completed = rows.find((r) => r.status === "COMPLETED")!;
    const turns = await db.get().db.select().from(interviewTurns).where(eq(interviewTurns.interviewId, completed.id));
    expect(turns.length).toBeGreaterThan(4);
    const [report] = await db.get().db.select().from(reports).where(and(eq(reports.interviewId, completed.id), eq(reports.status, "READY")));
    expect(report!.id).toBe(completed.reportId);
    // Every evidence quote in the seeded report is really in the candidate's words.
    for (const c of report!.scorecard!.criteria) {
      for (const e of c.evidence) {
        const turn = turns.find((t) => t.turnNumber === e.turnNumber)!;
        expect(turn.role).toBe("candidate");
        expect(turn.content).toContain(e.quote);
      }
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviewConfigs } from "@/db/interview-configs";
import { interviews } from "@/db/interviews";
import { getAgentHistory } from "@/lib/agent/history";
import { migrationsFolder } from "@/lib/db/migrations";
import { rowsOf } from "@/lib/db/types";
import { getInterviewConfig } from "@/lib/interview-configs/read";
import { createTestInterview } from "../helpers/agent-fixtures";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// One shape of a configuration's questions and criteria, whoever reads it, and stored rows
// brought to that shape by the question-follow-ups migration.
const testDb = setupTestDatabase();
const db = () => testDb.get().db;

const LEGACY_QUESTIONS = [
  { id: "q1", text: "Why this role?" },
  { id: "q2", text: "A project?", followUps: ["Your part in it?"] },
  { id: "q3", text: "Questions for us?" },
];
const MIGRATED_QUESTIONS = [
  { id: "q1", text: "Why this role?", followUps: [] },
  { id: "q2", text: "A project?", followUps: ["Your part in it?"] },
  { id: "q3", text: "Questions for us?", followUps: [] },
];

async function runFollowUpsMigration() {
  const file = fs.readdirSync(migrationsFolder()).find((f) => f.endsWith("_question-follow-ups.sql"))!;
  const statements = fs.readFileSync(path.join(migrationsFolder(), file), "utf8").split("--> statement-breakpoint");
  for (const statement of statements) await db().execute(sql.raw(statement));
}

describe("the configuration's shape", () => {
  it("is the same in the agent's history as in the v1 API", async () => {
    const { ctx } = await createTestOrg(db());
    const [config] = await db().select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId));
    const { id } = await createTestInterview(db(), ctx);
    const served = await getInterviewConfig(db(), ctx, config!.id);
    const history = await getAgentHistory(db(), ctx, id);
    expect(history.config.questions).toEqual(served.questions);
    expect(history.config.criteria).toEqual(served.criteria);
    expect(served.questions[0]).toEqual({ id: "q1", text: expect.any(String), followUps: [] });
  });

  it("the question-follow-ups migration gives stored questions without follow-ups an empty list, keeping order and the rest", async () => {
    const { ctx } = await createTestOrg(db());
    const [config] = await db().select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId));
    const { id: interviewId } = await createTestInterview(db(), ctx);
    const legacy = JSON.stringify(LEGACY_QUESTIONS);
    await db().execute(sql`update interview_configs set questions = ${legacy}::jsonb where id = ${config!.id}`);
    await db().execute(sql`update interviews set config_snapshot = jsonb_set(config_snapshot, '{questions}', ${legacy}::jsonb) where id = ${interviewId}`);
    const untouched = await createTestInterview(db(), ctx);
    const untouchedBefore = (await db().select().from(interviews).where(eq(interviews.id, untouched.id)))[0]!;
    const rowVersion = async (id: string) => rowsOf<{ v: string }>(await db().execute(sql`select xmin::text as v from interviews where id = ${id}`))[0]!.v;
    const untouchedVersion = await rowVersion(untouched.id);

    await runFollowUpsMigration();

    const [migratedConfig] = await db().select().from(interviewConfigs).where(eq(interviewConfigs.id, config!.id));
    expect(migratedConfig!.questions).toEqual(MIGRATED_QUESTIONS);
    const [migratedInterview] = await db().select().from(interviews).where(eq(interviews.id, interviewId));
    expect(migratedInterview!.configSnapshot.questions).toEqual(MIGRATED_QUESTIONS);
    expect(migratedInterview!.configSnapshot.criteria).toEqual(untouchedBefore.configSnapshot.criteria);
    // Rows already in shape are not rewritten.
    expect(await rowVersion(untouched.id)).toBe(untouchedVersion);
    expect((await getAgentHistory(db(), ctx, interviewId)).config.questions).toEqual(MIGRATED_QUESTIONS);
  });
});

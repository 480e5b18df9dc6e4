import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/interview-configs/[id]/route";
import { GET as list } from "@/app/api/v1/interview-configs/route";
import { interviewConfigs } from "@/db/interview-configs";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { defaultConfigValues } from "@/lib/interview-configs/defaults";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();

const insert = async (d: Db, ctx: Ctx) => {
  const id = newId("config");
  await d.insert(interviewConfigs).values({
    id,
    organizationId: ctx.organizationId,
    ...defaultConfigValues(),
    name: "Sales screening",
    language: "fr",
    questions: [{ id: "q1", text: "Pourquoi ce poste ?", followUps: ["Et ensuite ?"] }],
    version: 3,
  });
  return id;
};

securityBattery({ handler: list, scope: "interviews:read", db, path: () => "/api/v1/interview-configs" });
securityBattery({ handler: getOne, scope: "interviews:read", db, path: (id) => `/api/v1/interview-configs/${id}`, params: (id) => ({ id }), create: insert });

describe("interview configs", () => {
  it("lists only the organisation's configurations, newest first: the default, created with the organisation, comes last", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { authorization } = await createTestKey(db.get().db, ctx, ["interviews:write"]);
    const id = await insert(db.get().db, ctx);
    await insert(db.get().db, (await createTestOrg(db.get().db)).ctx);
    const res = await call(list, { path: "/api/v1/interview-configs", headers: { authorization } });
    expect(res.status).toBe(200);
    expect(res.json.pagination.total).toBe(2);
    expect(res.json.data.map((c: { id: string; isDefault: boolean }) => [c.id === id, c.isDefault])).toEqual([[true, false], [false, true]]);
    expect((await call(list, { path: "/api/v1/interview-configs?page=abc", headers: { authorization } })).json.errors[0]).toMatchObject({ field: "page", in: "query" });
  });

  it("reads one configuration with questions, criteria with anchors and score bands", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { authorization } = await createTestKey(db.get().db, ctx, ["interviews:read"]);
    const id = await insert(db.get().db, ctx);
    const res = await call(getOne, { path: `/api/v1/interview-configs/${id}`, params: { id }, headers: { authorization } });
    const defaults = defaultConfigValues();
    expect(res.json).toEqual({
      id,
      name: "Sales screening",
      language: "fr",
      maxDurationMinutes: 30,
      intro: defaults.intro,
      questions: [{ id: "q1", text: "Pourquoi ce poste ?", followUps: ["Et ensuite ?"] }],
      criteria: defaults.criteria,
      scoreBands: defaults.scoreBands,
      version: 3,
      isDefault: false,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
  });

  it("gives questions without follow-ups an empty list rather than a missing key", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { authorization } = await createTestKey(db.get().db, ctx, ["interviews:read"]);
    const res = await call(list, { path: "/api/v1/interview-configs", headers: { authorization } });
    expect(res.json.data[0].questions[0]).toEqual({ id: "q1", text: defaultConfigValues().questions[0]!.text, followUps: [] });
  });
});

import { describe, expect, it } from "vitest";
import { PICKER_SEARCH_LIMIT, pickerChoice, searchPicker } from "@/lib/console/pickers";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCampaign, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;

describe("console pickers: jobs and campaigns searched as the user types", () => {
  it("finds by any part of the name, case-insensitively, alphabetically, and never another organisation's", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const backend = await insertJob(d(), ctx, "Senior Backend Engineer");
    await insertJob(d(), ctx, "Account Executive");
    const staff = await insertJob(d(), ctx, "Staff BACKEND engineer");
    await insertJob(d(), other, "Backend Engineer elsewhere");

    expect(await searchPicker(d(), ctx, "job", "backend")).toEqual([
      { id: backend, label: "Senior Backend Engineer" },
      { id: staff, label: "Staff BACKEND engineer" },
    ]);
    expect((await searchPicker(d(), ctx, "job", "")).map((o) => o.label)).toEqual(["Account Executive", "Senior Backend Engineer", "Staff BACKEND engineer"]);
    // What the user types is text, not a pattern.
    expect(await searchPicker(d(), ctx, "job", "%")).toEqual([]);
  });

  it("answers at most a page of options, however many jobs there are", async () => {
    const { ctx } = await createTestOrg(d());
    for (let i = 0; i < PICKER_SEARCH_LIMIT + 5; i++) await insertJob(d(), ctx, `Role ${String(i).padStart(2, "0")}`);
    const found = await searchPicker(d(), ctx, "job", "role");
    expect(found).toHaveLength(PICKER_SEARCH_LIMIT);
    expect(found[0]!.label).toBe("Role 00");
  });

  it("shows the chosen job or campaign by name, and nothing for another organisation's id", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx, "Data Analyst");
    const { campaignId } = await insertCampaign(d(), ctx, jobId);
    const foreign = await insertJob(d(), other, "Theirs");
    expect(await pickerChoice(d(), ctx, "job", jobId)).toEqual({ id: jobId, label: "Data Analyst" });
    expect(await pickerChoice(d(), ctx, "campaign", campaignId)).toEqual({ id: campaignId, label: "Winter hiring" });
    expect(await searchPicker(d(), ctx, "campaign", "winter")).toEqual([{ id: campaignId, label: "Winter hiring" }]);
    expect(await pickerChoice(d(), ctx, "job", foreign)).toBeNull();
    expect(await pickerChoice(d(), ctx, "job", undefined)).toBeNull();
  });
});

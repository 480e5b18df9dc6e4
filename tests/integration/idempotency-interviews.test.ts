import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as createInterviewRoute } from "@/app/api/v1/interviews/route";
import { emails } from "@/db/emails";
import { interviews } from "@/db/interviews";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { interviewWorld } from "../helpers/interview-fixtures";

const db = setupTestDatabase();

// The endpoint an applicant tracker retries most: a duplicate here is a candidate invited twice.
describe("POST /api/v1/interviews with an Idempotency-Key", () => {
  it("twenty concurrent identical requests create one interview and one invitation e-mail", async () => {
    const d = db.get().db;
    const { ctx } = await createTestOrg(d);
    const { authorization } = await createTestKey(d, ctx, ["interviews:write"]);
    const body = await interviewWorld(d, ctx);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(createInterviewRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization, "idempotency-key": "ats-req-42" }, body }),
      ),
    );

    const [created] = await d.select({ n: count() }).from(interviews).where(eq(interviews.organizationId, ctx.organizationId));
    const [sent] = await d.select({ n: count() }).from(emails).where(eq(emails.organizationId, ctx.organizationId));
    expect(created!.n).toBe(1);
    expect(sent!.n).toBe(1);
    const originals = responses.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") === null);
    expect(originals).toHaveLength(1);
    for (const r of responses) {
      if (r.status === 201) expect(r.json).toEqual(originals[0]!.json);
      else expect([r.status, r.json.code]).toEqual([409, "idempotency_in_flight"]);
    }
  });
});

import { count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as createInterviewRoute } from "@/app/api/v1/interviews/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import { rowsOf } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { interviewWorld } from "../helpers/interview-fixtures";

// A stored answer is replayed for 24 hours: what it shows once (a webhook signing secret, an
// invitation link) must not sit in the database in clear meanwhile.
const db = setupTestDatabase();
let ctx: Ctx;
let authorization: string;
const secretBefore = process.env.AUTH_SECRET;

beforeEach(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
  ({ authorization } = await createTestKey(db.get().db, ctx));
});
afterEach(() => {
  if (secretBefore === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = secretBefore;
  resetEnvCache();
});

/** Every stored idempotency row of the organisation, each column as text. */
async function storedRows(): Promise<string> {
  const result = await db.get().db.execute(sql`select k::text as row from idempotency_keys k where organization_id = ${ctx.organizationId}`);
  const rows = rowsOf<{ row: string }>(result).map((r) => r.row);
  expect(rows).toHaveLength(1);
  return rows.join("\n");
}

const postWebhook = () =>
  call(createWebhookRoute, { method: "POST", path: "/api/v1/webhooks", headers: { authorization, "idempotency-key": "hook-1" }, body: { url: "https://93.184.215.14/hooks/parley" } });

describe("stored Idempotency-Key answers", () => {
  it("replay a webhook's signing secret without storing it in clear", async () => {
    const first = await postWebhook();
    expect(first.status).toBe(201);
    const secret = first.json.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const stored = await storedRows();
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice("whsec_".length));

    const replay = await postWebhook();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(first.text);
  });

  it("replay an interview's invitation link without storing its token", async () => {
    const body = await interviewWorld(db.get().db, ctx);
    const post = () => call(createInterviewRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization, "idempotency-key": "int-1" }, body });
    const first = await post();
    expect(first.status).toBe(201);
    const token = (first.json.invitationUrl as string).split("/i/")[1]!;
    expect(token).toHaveLength(43);
    expect(await storedRows()).not.toContain(token);

    const replay = await post();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.invitationUrl).toBe(first.json.invitationUrl);
  });

  it("an answer that no longer opens (AUTH_SECRET changed) is neither replayed nor run again", async () => {
    process.env.AUTH_SECRET = "the-first-secret-of-this-test-0123456789";
    resetEnvCache();
    const body = await interviewWorld(db.get().db, ctx);
    const post = () => call(createInterviewRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization, "idempotency-key": "int-2" }, body });
    expect((await post()).status).toBe(201);

    process.env.AUTH_SECRET = "another-secret-after-rotation-0123456789";
    resetEnvCache();
    const again = await post();
    expect([again.status, again.json.code]).toEqual([409, "conflict"]);
    const [made] = await db.get().db.select({ n: count() }).from(interviews).where(eq(interviews.candidateId, body.candidateId));
    expect(made!.n).toBe(1);
  });
});

import { and, count, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { auditEvents } from "@/db/audit-events";
import { idempotencyKeys } from "@/db/idempotency-keys";
import { recordAudit } from "@/lib/audit";
import { claimIdempotencyKey, completeIdempotencyKey, type KeyOwner } from "@/lib/idempotency/keys";
import { requestHash } from "@/lib/idempotency/request-hash";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { newId } from "@/lib/ids";
import { periodicTasks } from "@/lib/background-jobs";
import { setupTestDatabase, testDbKind } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

// What the test route's handler does next, set by each test. `reached` is called once its write
// is done (inside the transaction, so not yet visible to others) and before it waits on `hold`.
const behaviour: { hold?: Promise<void>; reached?: () => void; delayMs?: number; fail?: "crash" | "not_found" } = {};

// A POST built with the public API's wrapper whose side effect is one audit row, counted below.
const create = v1Route({ scope: "candidates:write", body: z.object({ name: z.string().min(1), x: z.record(z.string(), z.number()).optional() }) }, async ({ db, ctx, body }) => {
  if (behaviour.fail === "not_found") throw notFound("Job");
  const id = newId("candidate");
  await recordAudit(db, ctx, { action: "candidate.created", targetType: "thing", targetId: id, data: { name: body.name } });
  if (behaviour.fail === "crash") throw new Error("database went away");
  behaviour.reached?.();
  if (behaviour.hold) await behaviour.hold;
  if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
  return json({ id, name: body.name }, { status: 201, headers: { Location: `/api/v1/things/${id}` } });
});

const db = setupTestDatabase();
let ctx: Ctx;
let auth: string;
let owner: KeyOwner;

beforeEach(async () => {
  for (const k of Object.keys(behaviour)) delete behaviour[k as keyof typeof behaviour];
  const org = await createTestOrg(db.get().db);
  ctx = org.ctx;
  const key = await createTestKey(db.get().db, ctx);
  auth = key.authorization;
  owner = { organizationId: ctx.organizationId, apiKeyId: key.id };
});

const post = (key: string | undefined, body: unknown = { name: "Ada" }, authorization = auth, path = "/api/v1/things") =>
  call(create, { method: "POST", path, headers: { authorization, ...(key === undefined ? {} : { "idempotency-key": key }) }, body });

async function sideEffects(orgCtx = ctx) {
  const [row] = await db
    .get()
    .db.select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, orgCtx.organizationId), eq(auditEvents.action, "candidate.created")));
  return row!.n;
}

const keyRow = (key: string) => and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.key, key));

/** Parks the next handler run after its write: `reached` resolves then, `open` lets it finish. */
function park() {
  let open!: () => void;
  behaviour.hold = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (behaviour.reached = r));
  return { reached, open };
}

/** A claim held by a request elsewhere (another process), as the wrapper makes it. */
const claimElsewhere = (key: string, body: unknown = { name: "Ada" }) =>
  claimIdempotencyKey(db.get().db, owner, { key, requestHash: requestHash("POST", "/api/v1/things", body) });

// A parked handler holds its transaction open; PGlite serialises every query behind it, so the
// tests that park one run on PostgreSQL, where other requests go on meanwhile.
const onPostgres = testDbKind() === "postgres";

describe("Idempotency-Key on POST", () => {
  it("replays the first response, status, body and Location, without running the handler again", async () => {
    const first = await post("order-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const again = await post("order-1", { name: "Ada" });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // The replay is a request of its own: its own id, and it counts against the rate limit.
    expect(again.headers.get("request-id")).not.toBe(first.headers.get("request-id"));
    expect(Number(again.headers.get("x-ratelimit-remaining"))).toBe(Number(first.headers.get("x-ratelimit-remaining")) - 1);
    expect(await sideEffects()).toBe(1);
  });

  it("treats the same JSON with other key order and spacing as the same request", async () => {
    const raw = (rawBody: string) =>
      call(create, { method: "POST", path: "/api/v1/things", headers: { authorization: auth, "idempotency-key": "k", "content-type": "application/json" }, rawBody });
    expect((await raw('{"name":"Ada","x":{"b":1,"a":2}}')).status).toBe(201);
    const res = await raw('{ "x": { "a": 2, "b": 1.0 },  "name": "Ada" }');
    expect(res.headers.get("idempotent-replayed")).toBe("true");
    expect(await sideEffects()).toBe(1);
  });

  it("without the header every POST runs", async () => {
    await post(undefined);
    await post(undefined);
    expect(await sideEffects()).toBe(2);
  });

  it("422 idempotency_key_reused for the same key with another body or path", async () => {
    await post("order-2", { name: "Ada" });
    const other = await post("order-2", { name: "Grace" });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe("idempotency_key_reused");
    const elsewhere = await post("order-2", { name: "Ada" }, auth, "/api/v1/other-things");
    expect(elsewhere.json.code).toBe("idempotency_key_reused");
    expect(await sideEffects()).toBe(1);
  });

  it("409 idempotency_in_flight while the key is claimed by a running request, then the replay once it answered", async () => {
    const claim = await claimElsewhere("order-3");
    expect(claim.outcome).toBe("claimed");
    const during = await post("order-3");
    expect(during.status).toBe(409);
    expect(during.json.code).toBe("idempotency_in_flight");
    expect(during.headers.get("retry-after")).toBe("1");

    const answer = { status: 201, headers: { "content-type": "application/json" }, body: '{"id":"cand_elsewhere"}' };
    expect(await completeIdempotencyKey(db.get().db, owner, { key: "order-3", token: (claim as { token: Date }).token, response: answer })).toBe(true);
    const after = await post("order-3");
    expect([after.status, after.text, after.headers.get("idempotent-replayed")]).toEqual([201, answer.body, "true"]);
    expect(await sideEffects()).toBe(0);
  });

  it("takes over a key whose lease lapsed with no answer (its process died): the request runs", async () => {
    const claim = await claimElsewhere("order-4");
    await db.get().db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(keyRow("order-4"));
    const retry = await post("order-4");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(await sideEffects()).toBe(1);
    // The dead request's claim can no longer store an answer over this one.
    const late = { status: 201, headers: {}, body: "{}" };
    expect(await completeIdempotencyKey(db.get().db, owner, { key: "order-4", token: (claim as { token: Date }).token, response: late })).toBe(false);
    expect((await post("order-4")).json).toEqual(retry.json);
  });

  it.runIf(onPostgres)("a concurrent request gets 409 while the first runs, then its replay; nothing is visible before the answer", async () => {
    const { reached, open } = park();
    const first = post("order-3b");
    await reached;
    // The write and the answer commit together: until then, neither is visible.
    expect(await sideEffects()).toBe(0);
    const during = await post("order-3b");
    expect([during.status, during.json.code]).toEqual([409, "idempotency_in_flight"]);

    open();
    const done = await first;
    expect(done.status).toBe(201);
    const after = await post("order-3b");
    expect([after.status, after.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(after.json).toEqual(done.json);
    expect(await sideEffects()).toBe(1);
  });

  it.runIf(onPostgres)("a request that outlived its lease is rolled back when another took the key over: one side effect", async () => {
    const { reached, open } = park();
    const stuck = post("order-4b");
    await reached;
    await db.get().db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(keyRow("order-4b"));

    delete behaviour.hold;
    const retry = await post("order-4b");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();

    open();
    const late = await stuck;
    expect([late.status, late.json.code]).toEqual([409, "idempotency_in_flight"]);
    expect(await sideEffects()).toBe(1);
    const replay = await post("order-4b");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(retry.json.id);
  });

  it("stores 4xx answers of the handler, but releases the key after a 5xx so the client can retry", async () => {
    behaviour.fail = "not_found";
    const missing = await post("order-5");
    expect(missing.status).toBe(404);
    delete behaviour.fail;
    const replayed = await post("order-5");
    expect(replayed.status).toBe(404);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.headers.get("content-type")).toBe("application/problem+json");
    expect(replayed.json).toEqual(missing.json);

    behaviour.fail = "crash";
    expect((await post("order-6")).status).toBe(500);
    expect(await db.get().db.select().from(idempotencyKeys).where(keyRow("order-6"))).toEqual([]);
    // The handler's write before its failure went with it.
    expect(await sideEffects()).toBe(0);
    delete behaviour.fail;
    const retried = await post("order-6");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await sideEffects()).toBe(1);
  });

  it("does not spend the key on a request refused before the handler (a 422 on the body)", async () => {
    expect((await post("order-7", { name: "" })).status).toBe(422);
    const fixed = await post("order-7", { name: "Ada" });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("keys expire after 24 hours, and the periodic sweep deletes them", async () => {
    await post("order-8", { name: "Ada" });
    await post("order-9", { name: "Ada" });
    const [row] = await db
      .get()
      .db.select({ hours: sql<number>`extract(epoch from ${idempotencyKeys.expiresAt} - ${idempotencyKeys.createdAt}) / 3600` })
      .from(idempotencyKeys)
      .where(keyRow("order-8"));
    expect(Number(row!.hours)).toBe(24);

    await db.get().db.update(idempotencyKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(keyRow("order-8"));
    // Expired but not swept yet: the key is free, even for another body.
    const reused = await post("order-8", { name: "Grace" });
    expect(reused.status).toBe(201);
    expect(reused.headers.get("idempotent-replayed")).toBeNull();
    expect(await sideEffects()).toBe(3);

    await db.get().db.update(idempotencyKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(keyRow("order-8"));
    await periodicTasks.find((t) => t.name === "idempotency-keys.sweep")!.run(db.get().db);
    const left = await db.get().db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.organizationId, ctx.organizationId));
    expect(left).toEqual([{ key: "order-9" }]);
  });

  it("keys belong to an organisation: another one may use the same key for its own request", async () => {
    const mine = await post("shared-key", { name: "Ada" });
    const other = await createTestOrg(db.get().db, "Other");
    const otherAuth = (await createTestKey(db.get().db, other.ctx)).authorization;
    const theirs = await post("shared-key", { name: "Grace" }, otherAuth);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.json.name).toBe("Grace");
    expect((await post("shared-key", { name: "Ada" })).json).toEqual(mine.json);
    expect(await sideEffects(other.ctx)).toBe(1);
    expect(await sideEffects()).toBe(1);
  });

  it("keys belong to one API key: another key of the same organisation runs its own request with the same key", async () => {
    const mine = await post("per-key", { name: "Ada" });
    const otherAuth = (await createTestKey(db.get().db, ctx)).authorization;
    const theirs = await post("per-key", { name: "Ada" }, otherAuth);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.json.id).not.toBe(mine.json.id);
    // The string is now theirs too: another body under it is a reuse of their key.
    expect((await post("per-key", { name: "Grace" }, otherAuth)).status).toBe(422);
    expect((await post("per-key", { name: "Ada" })).json).toEqual(mine.json);
    expect(await sideEffects()).toBe(2);
  });

  it("refuses a malformed header with a 422 naming it", async () => {
    for (const bad of ["", "x".repeat(256), "tab\tinside", "ünïcode"]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ field: "Idempotency-Key", in: "header" });
    }
    expect((await post("x".repeat(255))).status).toBe(201);
    expect(await sideEffects()).toBe(1);
  });

  it("twenty concurrent identical POSTs with one key have exactly one side effect", async () => {
    behaviour.delayMs = 50;
    const responses = await Promise.all(Array.from({ length: 20 }, () => post("burst", { name: "Ada" })));
    expect(await sideEffects()).toBe(1);
    const originals = responses.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") === null);
    expect(originals).toHaveLength(1);
    for (const r of responses) {
      if (r.status === 201) expect(r.json).toEqual(originals[0]!.json);
      else expect([r.status, r.json.code]).toEqual([409, "idempotency_in_flight"]);
    }
  });
});

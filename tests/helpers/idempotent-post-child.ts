// A process that sends one POST /api/v1/interviews through the real route handler, for the
// crash tests: PARLEY_CRASH_AT may kill it mid-request. Uses DATABASE_URL or PARLEY_DATA_DIR.
// `--lapse-leases` first ends every unanswered key's lease, as 60 seconds passing would.
// Prints {"status":…,"replayed":…,"body":…,"made":{interviews,emails}} and exits, `made` being
// the candidate's interviews and their e-mails (counted here: PGlite admits one process).
//   node --import tsx tests/helpers/idempotent-post-child.ts <authorization> <idempotency-key> <json-body> [--lapse-leases]
import { count, eq, inArray, isNull, sql } from "drizzle-orm";
import { POST } from "@/app/api/v1/interviews/route";
import { emails } from "@/db/emails";
import { idempotencyKeys } from "@/db/idempotency-keys";
import { interviews } from "@/db/interviews";
import { closeDatabase, getDb } from "@/lib/db/client";

async function madeFor(candidateId: string) {
  const db = await getDb();
  const ids = (await db.select({ id: interviews.id }).from(interviews).where(eq(interviews.candidateId, candidateId))).map((r) => r.id);
  const [sent] = ids.length ? await db.select({ n: count() }).from(emails).where(inArray(emails.interviewId, ids)) : [{ n: 0 }];
  return { interviews: ids, emails: sent!.n };
}

async function main() {
  const [authorization, key, body, flag] = process.argv.slice(2);
  const db = await getDb();
  if (flag === "--lapse-leases") {
    await db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(isNull(idempotencyKeys.responseStatus));
  }
  const req = new Request("http://localhost/api/v1/interviews", {
    method: "POST",
    headers: { authorization: authorization!, "idempotency-key": key!, "content-type": "application/json" },
    body,
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  const out = { status: res.status, replayed: res.headers.get("idempotent-replayed") === "true", body: await res.json(), made: await madeFor(JSON.parse(body!).candidateId) };
  await closeDatabase();
  process.stdout.write(JSON.stringify(out) + "\n");
}

void main();

import { sql } from "drizzle-orm";
import type { Database } from "./db/types";

const TIMEOUT_MS = 2000;

/** Whether the database answers a trivial query within two seconds. */
export async function checkDatabase(open: () => Promise<Database>) {
  const started = performance.now();
  try {
    const database = await withTimeout(open());
    await withTimeout(database.db.execute(sql`select 1`));
    return { reachable: true as const, kind: database.kind, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { reachable: false as const, error: (err as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

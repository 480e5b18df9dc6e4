import { sql } from "drizzle-orm";
import type { Db } from "../db/types";

/** Every process LISTENs here once; the payload is the user whose sessions changed. */
export const SESSIONS_CHANNEL = "parley_console_sessions";

/**
 * Tells every app process that a user's sessions or memberships changed, so their open live
 * streams check their session again. Call inside the change's transaction: PostgreSQL delivers
 * it on commit, never on rollback.
 */
export async function announceSessionChange(db: Db, userId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${userId})`);
}

import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { consoleSessions } from "@/db/console-sessions";
import { memberships, type MembershipRole } from "@/db/memberships";
import { organizations } from "@/db/organizations";
import { users } from "@/db/users";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "../db/types";
import { env } from "../env";
import { announceSessionChange } from "./announce";

/** Who a live console session belongs to, read fresh from the membership on every request. */
export type ConsoleIdentity = {
  /** The row's id (the token's SHA-256): safe to log and to show. */
  sessionId: string;
  userId: string;
  email: string;
  name: string | null;
  organizationId: string;
  organizationName: string;
  role: MembershipRole;
  expiresAt: Date;
};

export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export const consoleSessionSeconds = () => env().CONSOLE_SESSION_HOURS * 3600;

/** A new session for a user who just proved their password; the token goes into the cookie. */
export async function startConsoleSession(db: Db, input: { userId: string; organizationId: string }): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + consoleSessionSeconds() * 1000);
  await db.transaction(async (tx) => {
    // The user's own ended sessions go here; the periodic sweep takes the rest.
    await tx.delete(consoleSessions).where(and(eq(consoleSessions.userId, input.userId), lt(consoleSessions.expiresAt, sql`now()`)));
    await tx.insert(consoleSessions).values({ id: sessionIdOf(token), userId: input.userId, organizationId: input.organizationId, expiresAt });
  });
  return { token, expiresAt };
}

/**
 * The session behind a cookie's token, or null once it was signed out, revoked or has expired,
 * or when the user is no longer a member: the membership is joined on every call, so a removal
 * or a role change shows on the next request.
 */
export async function resolveConsoleSession(db: Db, token: string): Promise<ConsoleIdentity | null> {
  const [row] = await db
    .select({
      sessionId: consoleSessions.id,
      userId: consoleSessions.userId,
      email: users.email,
      name: users.name,
      organizationId: consoleSessions.organizationId,
      organizationName: organizations.name,
      role: memberships.role,
      expiresAt: consoleSessions.expiresAt,
    })
    .from(consoleSessions)
    .innerJoin(memberships, and(inOrg(memberships, consoleSessions), eq(memberships.userId, consoleSessions.userId)))
    .innerJoin(users, eq(users.id, consoleSessions.userId))
    .innerJoin(organizations, eq(organizations.id, consoleSessions.organizationId))
    .where(and(eq(consoleSessions.id, sessionIdOf(token)), gt(consoleSessions.expiresAt, sql`now()`)));
  return row ?? null;
}

/** Sign-out: the session ends for every process at once, open live streams included. */
export async function endConsoleSession(db: Db, input: { token: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(consoleSessions).where(eq(consoleSessions.id, sessionIdOf(input.token))).returning({ userId: consoleSessions.userId });
    if (row) await announceSessionChange(tx, row.userId);
  });
}

/**
 * Ends every session a user has in one organisation (removal, "sign out everywhere"): call inside
 * the change's transaction, so open live streams are told on commit. Returns how many ended.
 */
export async function endMemberSessions(tx: Db, input: { userId: string; organizationId: string }): Promise<number> {
  const ended = await tx
    .delete(consoleSessions)
    .where(and(eq(consoleSessions.userId, input.userId), inOrg(consoleSessions, input)))
    .returning({ id: consoleSessions.id });
  await announceSessionChange(tx, input.userId);
  return ended.length;
}

/** Expired rows are of no further use; a periodic task calls this. */
export async function sweepConsoleSessions(db: Db): Promise<void> {
  await db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, sql`now()`));
}

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { MembershipRole } from "@/db/memberships";
import { consoleSessionFromHeaders } from "@/lib/console-sessions/cookie";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { consoleCtx } from "./context";
import { loginUrl, PATH_HEADER } from "./paths";

export type ConsoleUser = { id: string; email: string; name: string | null; role: MembershipRole };
export type ConsoleScope = { db: Db; ctx: Ctx; user: ConsoleUser; organization: { id: string; name: string } };

/**
 * The signed-in user's console scope for this render, or null; read once per request. The
 * session cookie is checked against its session row and the membership (docs/console-auth.md):
 * null once signed out, revoked, expired or no longer a member, and the role is the current one.
 */
export const getConsole = cache(async (): Promise<ConsoleScope | null> => {
  const session = await consoleSessionFromHeaders(await headers());
  if (!session) return null;
  return {
    db: await getDb(),
    ctx: consoleCtx(session),
    user: { id: session.userId, email: session.email, name: session.name, role: session.role },
    organization: { id: session.organizationId, name: session.organizationName },
  };
});

/** For pages: the scope, or a redirect to sign in that comes back to this page. */
export async function requireConsole(): Promise<ConsoleScope> {
  const scope = await getConsole();
  if (!scope) redirect(loginUrl((await headers()).get(PATH_HEADER)));
  return scope;
}

/** Viewers read; every other role may act. */
export const canAct = (role: MembershipRole): boolean => role !== "viewer";

/** For server actions that change something: a signed-in member who is not a viewer. */
export async function requireActor(): Promise<ConsoleScope> {
  const scope = await getConsole();
  if (!scope) throw new AppError("unauthenticated", "Sign in to the console first.");
  if (!canAct(scope.user.role)) throw new AppError("forbidden", "Your role can read but not change anything here.");
  return scope;
}

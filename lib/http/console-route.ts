import type { MembershipRole } from "@/db/memberships";
import { consoleCtx } from "@/lib/console/context";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { pathParams, type Out, type Schema } from "./input";
import { operationRoute, type RequestMeta } from "./route";

export type ConsoleSession = { userId: string; organizationId: string; role: string };

/** Reads the console session of a request; `setCookies` collects a refreshed session cookie. */
export type SessionResolver = (req: Request, setCookies: Headers) => Promise<ConsoleSession | null>;

// next-auth's `auth({ req, res })` form reads the cookie from the request itself, so it works in
// any server (Next, or the plain node:http server the multi-process tests use), not only inside
// Next's request scope. Imported lazily: auth.ts pulls in next-auth and the database.
export const nextAuthSession: SessionResolver = async (req, setCookies) => {
  const { auth } = await import("@/auth");
  const session = await (auth as unknown as (arg: { req: { headers: Headers }; res: { headers: Headers } }) => Promise<{
    user?: { id?: string; organizationId?: string; role?: string };
  } | null>)({ req: { headers: req.headers }, res: { headers: setCookies } });
  const user = session?.user;
  if (!user?.id || !user.organizationId) return null;
  return { userId: user.id, organizationId: user.organizationId, role: user.role ?? "viewer" };
};

const holder = globalThis as typeof globalThis & { __parleySessionResolver?: SessionResolver };

/** Tests swap in their own resolver; `undefined` restores next-auth. */
export function setSessionResolver(resolver: SessionResolver | undefined): void {
  holder.__parleySessionResolver = resolver;
}

/** What this wrapper reads from an operation (lib/live/operations.ts). */
export type ConsoleOperation<P> = { auth: "session"; params?: P; resource?: string };

export type ConsoleArgs<P> = { req: Request; meta: RequestMeta; db: Db; ctx: Ctx; session: ConsoleSession; params: Out<P> };

/** The console's wrapper, serving one operation: session → the user's organisation → params → handler. */
export function consoleRoute<P extends Schema | undefined = undefined>(operation: ConsoleOperation<P>, handler: (args: ConsoleArgs<P>) => Promise<Response>) {
  return operationRoute<ConsoleOperation<Schema | undefined>>(operation, async (req, meta, rawParams) => {
    const resolve = holder.__parleySessionResolver ?? nextAuthSession;
    const setCookies = new Headers();
    const session = await resolve(req, setCookies);
    for (const cookie of setCookies.getSetCookie()) meta.headers.append("set-cookie", cookie);
    if (!session) throw new AppError("unauthenticated", "Sign in to the console first.");
    const params = pathParams(operation, rawParams);
    const ctx = consoleCtx({ ...session, role: session.role as MembershipRole }, meta.requestId);
    return handler({ req, meta, db: await getDb(), ctx, session, params });
  });
}

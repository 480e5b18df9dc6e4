import { consoleCtx, type ConsoleSession as SessionScope } from "@/lib/console/context";
import { untilSessionEnds as watchSession } from "@/lib/console-sessions/watch";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { pathParams, type Out, type Schema } from "./input";
import { operationRoute, type RequestMeta } from "./route";

/** `token` and `expiresAt` are set for real sessions (not for test resolvers). */
export type ConsoleSession = SessionScope & { token?: string; expiresAt?: Date };

/** Reads the console session of a request; `setCookies` collects cookies to set on the response. */
export type SessionResolver = (req: Request, setCookies: Headers) => Promise<ConsoleSession | null>;

// The session cookie, checked against its console_sessions row and the membership on every
// request: a signed-out, revoked or removed member's cookie stops working at once, and the role
// is the membership's current one. Imported lazily: it pulls in next-auth's JWT code.
export const cookieSession: SessionResolver = async (req) => {
  const { consoleSessionFromHeaders } = await import("@/lib/console-sessions/cookie");
  const session = await consoleSessionFromHeaders(req.headers);
  return session && { userId: session.userId, organizationId: session.organizationId, role: session.role, token: session.token, expiresAt: session.expiresAt };
};

const holder = globalThis as typeof globalThis & { __parleySessionResolver?: SessionResolver };

/** Tests swap in their own resolver; `undefined` restores the session cookie check. */
export function setSessionResolver(resolver: SessionResolver | undefined): void {
  holder.__parleySessionResolver = resolver;
}

/** What this wrapper reads from an operation (lib/live/operations.ts). */
export type ConsoleOperation<P> = { auth: "session"; params?: P; resource?: string };

export type ConsoleArgs<P> = {
  req: Request;
  meta: RequestMeta;
  db: Db;
  ctx: Ctx;
  session: ConsoleSession;
  params: Out<P>;
  /** For long-lived responses: aborts with the request, or when the session ends (sign-out, revocation, removal, expiry). */
  untilSessionEnds: () => Promise<AbortSignal>;
};

/** The console's wrapper, serving one operation: session → the user's organisation → params → handler. */
export function consoleRoute<P extends Schema | undefined = undefined>(operation: ConsoleOperation<P>, handler: (args: ConsoleArgs<P>) => Promise<Response>) {
  return operationRoute<ConsoleOperation<Schema | undefined>>(operation, async (req, meta, rawParams) => {
    const resolve = holder.__parleySessionResolver ?? cookieSession;
    const setCookies = new Headers();
    const session = await resolve(req, setCookies);
    for (const cookie of setCookies.getSetCookie()) meta.headers.append("set-cookie", cookie);
    if (!session) throw new AppError("unauthenticated", "Sign in to the console first.");
    const params = pathParams(operation, rawParams);
    const ctx = consoleCtx(session, meta.requestId);
    const { token, expiresAt } = session;
    const untilSessionEnds = async () => (token && expiresAt ? watchSession({ token, userId: session.userId, expiresAt }, req.signal) : req.signal);
    return handler({ req, meta, db: await getDb(), ctx, session, params, untilSessionEnds });
  });
}

// Signs in and out of the console through Auth.js's real handlers (the /api/auth routes), as a
// browser or script would: CSRF token first, then the credentials callback.
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { createUser } from "@/lib/users";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";

export const TEST_AUTH_SECRET = "console-session-secret-for-tests-0123456789";
const BASE = "http://localhost";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string[]>> }) => Promise<Response>;

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function authCall(method: "GET" | "POST", action: string, init: { cookie?: string; body?: Record<string, string>; address?: string } = {}) {
  const headers = new Headers({ "x-forwarded-for": init.address ?? "203.0.113.7" });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
  const req = new NextRequest(`${BASE}/api/auth/${action}`, { method, headers, body: init.body ? new URLSearchParams(init.body) : undefined });
  return (method === "GET" ? (GET as Handler) : (POST as Handler))(req, { params: Promise.resolve({ nextauth: action.split("/") }) });
}

async function csrf(address?: string) {
  const res = await authCall("GET", "csrf", { address });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiePairs(res).join("; ") };
}

/** POSTs the sign-in form to Auth.js; `cookie` is the session cookie when it succeeded. */
export async function consoleSignIn(email: string, password: string, options: { address?: string } = {}) {
  const { csrfToken, cookie } = await csrf(options.address);
  const res = await authCall("POST", "callback/credentials", {
    cookie,
    address: options.address,
    body: { email, password, csrfToken, callbackUrl: `${BASE}/console` },
  });
  const session = cookiePairs(res).find((c) => c.startsWith("authjs.session-token=") && c.length > "authjs.session-token=".length);
  return { res, status: res.status, location: res.headers.get("location"), cookie: session ?? null };
}

/** Signs out through Auth.js's /api/auth/signout, as the sign-out button of any client would. */
export async function consoleSignOut(sessionCookie: string) {
  const { csrfToken, cookie } = await csrf();
  return authCall("POST", "signout", { cookie: `${cookie}; ${sessionCookie}`, body: { csrfToken, callbackUrl: `${BASE}/login` } });
}

/** Auth.js's /api/auth/session for a session cookie: what scripts read to see who is signed in. */
export async function consoleAuthSession(sessionCookie: string) {
  const res = await authCall("GET", "session", { cookie: sessionCookie });
  return (await res.json()) as { user?: { id?: string; email?: string } } | null;
}

/** A user with a password in the context's organisation. */
export async function createConsoleUser(db: Db, ctx: Ctx, role: "owner" | "admin" | "recruiter" | "viewer" = "recruiter") {
  const email = `u-${randomBase62(10).toLowerCase()}@example.com`;
  const password = "correct horse battery";
  const user = await createUser(db, ctx, { email, password, role });
  return { ...user, email, password };
}

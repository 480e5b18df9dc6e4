import { decode } from "next-auth/jwt";
import { authSecret } from "../auth/secret";
import { getDb } from "../db/client";
import { resolveConsoleSession, type ConsoleIdentity } from "./store";

// Auth.js names the cookie after the scheme it was set over; the name is also the JWT's salt.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session token inside a request's session cookie, or null when absent or not ours. */
export async function sessionTokenFromCookies(headers: Headers): Promise<string | null> {
  const header = headers.get("cookie") ?? "";
  for (const name of COOKIE_NAMES) {
    const value = cookieValue(header, name);
    if (!value) continue;
    try {
      const payload = await decode({ token: value, secret: authSecret(), salt: name });
      if (typeof payload?.sid === "string") return payload.sid;
    } catch {
      // Forged, from another secret, or expired: no session.
    }
  }
  return null;
}

/**
 * The console session of a request (pages pass `await headers()`, routes the request's), read
 * from the database on every call: null once signed out, revoked, expired or no longer a member.
 */
export async function consoleSessionFromHeaders(headers: Headers): Promise<(ConsoleIdentity & { token: string }) | null> {
  const token = await sessionTokenFromCookies(headers);
  if (!token) return null;
  const identity = await resolveConsoleSession(await getDb(), token);
  return identity && { ...identity, token };
}

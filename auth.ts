import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { accounts, sessions, verificationTokens } from "@/db/auth-tables";
import { users } from "@/db/users";
import { authSecret } from "@/lib/auth/secret";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { authLogger, SignInRateLimited, SignInUnavailable } from "@/lib/auth/sign-in-refusals";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { consoleSessionSeconds, endConsoleSession, resolveConsoleSession, startConsoleSession } from "@/lib/console-sessions/store";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-ip";

declare module "next-auth" {
  interface User {
    organizationId?: string;
  }
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(200) });

// Console sign-in (docs/console-auth.md). Auth.js runs the sign-in and sign-out protocol and
// seals the cookie; the session itself is a console_sessions row. The cookie's JWT holds only
// that row's token (`sid`), never the role: who the user is and what they may do is read from
// the row and the membership on every request (lib/console-sessions/cookie.ts), so signing out,
// removing a member or changing a role applies at once. Auth.js refuses database sessions for
// credentials providers, hence a JWT carrying a server-side session id.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: consoleSessionSeconds() },
  pages: { signIn: "/login" },
  logger: authLogger,
  adapter: DrizzleAdapter(await getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens } as never),
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const user = await signInWithPassword(await getDb(), { ...parsed.data, address: clientAddress(request.headers) });
          return user && { id: user.id, email: user.email, name: user.name, organizationId: user.organizationId };
        } catch (err) {
          if (err instanceof AppError && err.code === "rate_limited") throw new SignInRateLimited();
          // Not "wrong password": the person should try again in a moment, not doubt their password.
          if (isDatabaseUnavailable(err)) throw new SignInUnavailable();
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (trigger === "signIn" && user?.id && user.organizationId) {
        const session = await startConsoleSession(await getDb(), { userId: user.id, organizationId: user.organizationId });
        return { sid: session.token };
      }
      // Any other read of the cookie through Auth.js (its /session endpoint, `auth()`) is checked
      // against the row too: a revoked session gets its cookie cleared.
      const sid = typeof token.sid === "string" ? token.sid : null;
      return sid && (await resolveConsoleSession(await getDb(), sid)) ? { sid } : null;
    },
    // What /api/auth/session and `auth()` show: who is signed in, read from the row like every
    // console request (the cookie holds no e-mail). Scripts and the e2e helper read it; nothing
    // authorises from it.
    async session({ session, token }) {
      const identity = typeof token.sid === "string" ? await resolveConsoleSession(await getDb(), token.sid) : null;
      if (identity) Object.assign(session.user, { id: identity.userId, email: identity.email, name: identity.name });
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message && typeof message.token?.sid === "string" ? message.token.sid : null;
      if (sid) await endConsoleSession(await getDb(), { token: sid });
    },
  },
}));

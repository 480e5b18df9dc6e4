import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { accounts, sessions, verificationTokens } from "@/db/auth-tables";
import { users } from "@/db/users";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";
import { verifyCredentials } from "@/lib/users";

declare module "next-auth" {
  interface Session {
    user: { id: string; organizationId: string; organizationName: string; role: string } & DefaultSession["user"];
  }
  interface User {
    organizationId?: string;
    organizationName?: string;
    role?: string;
  }
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(200) });

// Console sign-in. Credentials need JWT sessions; the adapter's tables are there for OAuth and
// e-mail providers an organisation may add.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/login" },
  // A refused password is routine, not an error with a stack trace.
  logger: {
    error: (err: Error) => (err.name === "CredentialsSignin" ? log.warn("console sign-in refused") : log.error("auth error", errorFields(err))),
    warn: (code: string) => log.warn("auth warning", { code }),
    debug: () => {},
  },
  adapter: DrizzleAdapter(await getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens } as never),
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(await getDb(), parsed.data.email, parsed.data.password);
        return user && { id: user.id, email: user.email, name: user.name, organizationId: user.organizationId, organizationName: user.organizationName, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) Object.assign(token, { uid: user.id, organizationId: user.organizationId, organizationName: user.organizationName, role: user.role });
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user, { id: token.uid, organizationId: token.organizationId, organizationName: token.organizationName, role: token.role });
      return session;
    },
  },
}));

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { membershipRole, memberships } from "@/db/memberships";
import { organizations } from "@/db/organizations";
import { users } from "@/db/users";
import { inOrg } from "@/lib/db/in-org";
import { recordAudit } from "./audit";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./auth/password";
import type { Ctx } from "./context";
import type { Db } from "./db/types";
import { conflict, isUniqueViolation } from "./errors";
import { newId } from "./ids";

export const createUserInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(8, "must be at least 8 characters").max(200),
  name: z.string().trim().max(120).optional(),
  role: z.enum(membershipRole.enumValues).default("recruiter"),
});

/** Creates a user who belongs to the context's organisation. */
export async function createUser(db: Db, ctx: Ctx, input: z.input<typeof createUserInput>) {
  const data = createUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ id: newId("user"), email: data.email, name: data.name ?? null, passwordHash })
        .returning();
      await tx.insert(memberships).values({ id: newId("membership"), organizationId: ctx.organizationId, userId: user!.id, role: data.role });
      await recordAudit(tx, ctx, { action: "user.created", targetType: "user", targetId: user!.id, data: { role: data.role } });
      return { id: user!.id, email: user!.email, name: user!.name, role: data.role, organizationId: ctx.organizationId };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A user with e-mail ${data.email} already exists.`);
    throw err;
  }
}

/**
 * Console sign-in: the user and their first organisation, or null for any mismatch. Exactly one
 * scrypt verification runs whatever the outcome (against a dummy hash for an unknown e-mail), so
 * the time taken does not reveal whether an account exists.
 */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const [row] = await db
    .select({ user: users, membership: memberships, organization: organizations })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.email, email.toLowerCase()))
    .orderBy(memberships.createdAt)
    .limit(1);
  const matches = await verifyPassword(password, row?.user.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!matches || !row?.membership || !row.organization) return null;
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    organizationId: row.organization.id,
    organizationName: row.organization.name,
    role: row.membership.role,
  };
}

export async function getMembership(db: Db, userId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inOrg(memberships, { organizationId })));
  return row ?? null;
}

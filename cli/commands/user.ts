import { systemCtx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { getOrganizationBySlug } from "@/lib/organizations";
import { createUser } from "@/lib/users";
import { optional, required } from "../args";
import type { Run } from "../command";

export const createUserCommand: Run = async (flags) => {
  const input = { email: required(flags, "email"), password: required(flags, "password"), name: optional(flags, "name") };
  const role = optional(flags, "role") as "owner" | "admin" | "recruiter" | "viewer" | undefined;
  const db = await getDb();
  const org = await getOrganizationBySlug(db, required(flags, "org"));
  return { user: await createUser(db, systemCtx(org.id), { ...input, role }) };
};

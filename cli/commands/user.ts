import { systemCtx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { getOrganizationBySlug } from "@/lib/organizations";
import { createUser } from "@/lib/users";
import { optional, required } from "../args";
import type { Command } from "../command";

export const userCommands: Record<string, Command> = {
  "user create": {
    usage: "user create --org SLUG --email E --password P [--role owner|admin|recruiter|viewer] [--name NAME]",
    async run(flags) {
      const db = await getDb();
      const org = await getOrganizationBySlug(db, required(flags, "org"));
      const role = optional(flags, "role") as "owner" | "admin" | "recruiter" | "viewer" | undefined;
      const user = await createUser(db, systemCtx(org.id), { email: required(flags, "email"), password: required(flags, "password"), role, name: optional(flags, "name") });
      return { user };
    },
  },
};

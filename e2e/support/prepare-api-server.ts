// Runs before the API project's server starts (same folder, one process at a time): seeds the
// demo organisation, adds a viewer to it and a second organisation with its own member (for the
// access specs), and leaves the API key and logins where the specs can read them.
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { createOrganization } from "@/lib/organizations";
import { seedDemo } from "@/lib/seed/demo";
import { createUser } from "@/lib/users";
import { OUTSIDER, VIEWER } from "./api";

async function main() {
  const dir = process.env.PARLEY_DATA_DIR!;
  const database = await getDatabase();
  const seeded = await seedDemo(database.db);
  const demo: Ctx = { organizationId: seeded.organization.id, actor: { type: "system", id: "e2e" } };
  await createUser(database.db, demo, { ...VIEWER, name: "Vera Viewer", role: "viewer" });
  const other = await createOrganization(database.db, { type: "system", id: "e2e" }, { name: "Other Org", slug: "other-org" });
  await createUser(database.db, { organizationId: other.id, actor: { type: "system", id: "e2e" } }, { ...OUTSIDER, name: "Oscar Outsider", role: "owner" });
  await closeDatabase();
  fs.writeFileSync(path.join(dir, "e2e-credentials.json"), JSON.stringify({ apiKey: seeded.apiKey, organizationId: seeded.organization.id }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

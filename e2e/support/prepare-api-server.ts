// Runs before the API project's server starts (same folder, one process at a time): seeds the
// demo organisation and leaves its API key where the specs can read it.
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/demo";

async function main() {
  const dir = process.env.PARLEY_DATA_DIR!;
  const database = await getDatabase();
  const seeded = await seedDemo(database.db);
  await closeDatabase();
  fs.writeFileSync(path.join(dir, "e2e-credentials.json"), JSON.stringify({ apiKey: seeded.apiKey, organizationId: seeded.organization.id }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Child process for the lock test: opens the embedded database, writes an organisation,
// reports, and then holds the database until it is killed.
import { openEmbedded } from "@/lib/db/pglite";
import { createOrganization } from "@/lib/organizations";

async function main() {
  const dir = process.argv[2]!;
  const database = await openEmbedded(dir);
  const org = await createOrganization(database.db, { type: "system", id: "holder" }, { name: "Held", slug: `held-${process.pid}` });
  process.stdout.write(JSON.stringify({ pid: process.pid, orgId: org.id }) + "\n");
  setInterval(() => {}, 1 << 30);
}

void main();

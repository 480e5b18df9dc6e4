import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { organizations } from "@/db/organizations";
import { EmbeddedDatabaseLockedError } from "@/lib/db/lock";
import { openEmbedded } from "@/lib/db/pglite";
import { rowsOf } from "@/lib/db/types";
import { newestMigrationMillis } from "@/lib/db/migrations";
import { migratedDataFolder } from "../helpers/db";
import { startTs } from "../helpers/spawn";

const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "parley-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// Two processes on one PGlite folder lose writes; this is the guard that prevents it. These
// tests open embedded databases of their own, on PGlite and PostgreSQL runs alike.
describe("embedded database lock", () => {
  // The holder is a child process (node, tsx, PGlite: seconds of CPU, far longer on a busy
  // 2-core machine); the timeout is there for a hang only.
  it("refuses a second process with a message naming the holder, and the holder's data survives", { timeout: 180_000 }, async () => {
    const dir = tmpDir();
    await migratedDataFolder(dir);
    const { child, firstLine } = startTs("tests/helpers/hold-embedded.ts", [dir]);
    try {
      const held = JSON.parse(await firstLine) as { pid: number; orgId: string };
      const attempt = openEmbedded(dir);
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseLockedError);
      await expect(attempt).rejects.toThrow(new RegExp(`in use by process ${held.pid}`));

      // The holder dies without cleaning up (kill -9): its stale lock is taken over, and
      // everything it had committed is there.
      child.kill("SIGKILL");
      await new Promise((r) => child.once("close", r));
      const database = await openEmbedded(dir);
      try {
        const rows = await database.db.select().from(organizations).where(eq(organizations.id, held.orgId));
        expect(rows).toHaveLength(1);
        expect(JSON.parse(fs.readFileSync(path.join(dir, "pglite.lock"), "utf8")).pid).toBe(process.pid);
      } finally {
        await database.close();
      }
      expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(false);
    } finally {
      child.kill("SIGKILL");
    }
  });

  // The one test that creates an embedded database from nothing, as the first `npm run dev`
  // does: initdb alone is ~8 s of CPU, minutes of wall time on a busy machine.
  it("takes over a lock left by a pid that is no longer running, on a new folder it creates and migrates", { timeout: 300_000 }, async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 7, command: "gone", startedAt: "" }));
    const database = await openEmbedded(dir);
    try {
      expect(await database.db.select().from(organizations)).toEqual([]);
      const applied = rowsOf<{ newest: string }>(await database.db.execute(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`));
      expect(Number(applied[0]!.newest)).toBe(newestMigrationMillis());
    } finally {
      await database.close();
    }
  });
});

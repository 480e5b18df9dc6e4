import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { organizations } from "@/db/organizations";
import { EmbeddedDatabaseLockedError } from "@/lib/db/lock";
import { openEmbedded } from "@/lib/db/pglite";
import { startTs } from "../helpers/spawn";

const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "parley-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// Two processes on one PGlite folder lose writes; this is the guard that prevents it.
describe("embedded database lock", () => {
  it("refuses a second process with a message naming the holder, and the holder's data survives", async () => {
    const dir = tmpDir();
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

  it("takes over a lock left by a pid that is no longer running", async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 7, command: "gone", startedAt: "" }));
    const database = await openEmbedded(dir);
    await database.close();
  });
});

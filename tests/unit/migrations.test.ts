import { describe, expect, it } from "vitest";
import { isMigrated, newestMigrationMillis } from "@/lib/db/migrations";

// Opening the embedded database skips drizzle's migrator when nothing is due; the rule must be
// the migrator's own, or a database behind the code would be used unmigrated.
describe("isMigrated", () => {
  const newest = newestMigrationMillis();

  it("is true once the newest committed migration is recorded", async () => {
    expect(newest).toBeGreaterThan(0);
    expect(await isMigrated(async () => newest)).toBe(true);
  });

  it("is false for a database behind the code, an empty migrations table or none at all", async () => {
    expect(await isMigrated(async () => newest - 1)).toBe(false);
    expect(await isMigrated(async () => null)).toBe(false);
    expect(
      await isMigrated(async () => {
        throw new Error('relation "drizzle.__drizzle_migrations" does not exist');
      }),
    ).toBe(false);
  });
});

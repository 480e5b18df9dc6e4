import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { setDatabase } from "@/lib/db/client";
import { openPostgres } from "@/lib/db/postgres";
import { setupTestDatabase } from "../helpers/db";
import { call } from "../helpers/http";

const db = setupTestDatabase();

describe("GET /api/health", () => {
  it("200 with the database reachable and the app version", async () => {
    const res = await call(GET, { path: "/api/health" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: { reachable: true, kind: db.get().kind } });
  });

  it("503 when the database cannot be reached, without leaking the error", async () => {
    const dead = openPostgres("postgres://postgres@127.0.0.1:1/nowhere", { max: 1 });
    setDatabase(dead);
    try {
      const res = await call(GET, { path: "/api/health" });
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ status: "unavailable", database: { reachable: false } });
      expect(res.text).not.toContain("ECONNREFUSED");
    } finally {
      setDatabase(db.get());
      await dead.close();
    }
  });
});

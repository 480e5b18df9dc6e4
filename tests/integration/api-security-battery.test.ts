import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { candidates } from "@/db/candidates";
import { notFound } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { idParams } from "@/lib/api/schemas/common";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { securityBattery } from "../helpers/security";

// The battery itself, against a minimal route built like the real ones, so a route's own test
// can rely on it.
const db = setupTestDatabase();

const getThing = v1Route({ scope: "candidates:read", resource: "Candidate", params: idParams("candidate") }, async ({ db, ctx, params }) => {
  const [row] = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.id, params.id), eq(candidates.organizationId, ctx.organizationId)));
  if (!row) throw notFound("Candidate");
  return json(row);
});

const postThing = v1Route({ scope: "jobs:write", body: z.object({ name: z.string().min(1) }) }, async ({ body }) => json(body, { status: 201 }));

securityBattery({
  handler: getThing,
  scope: "candidates:read",
  db,
  path: (id) => `/api/v1/things/${id}`,
  params: (id) => ({ id }),
  create: async (d, ctx) => {
    const id = newId("candidate");
    await d.insert(candidates).values({ id, organizationId: ctx.organizationId, firstName: "A", lastName: "B", email: "a@b.example" });
    return id;
  },
});

securityBattery({ handler: postThing, method: "POST", scope: "jobs:write", db, path: () => "/api/v1/things", body: { name: "x" } });

import { idParams } from "@/lib/api/schemas/common";
import { getCandidate } from "@/lib/candidates/read";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route({ scope: "candidates:read", resource: "Candidate", params: idParams("candidate") }, async ({ db, ctx, params }) =>
  json(await getCandidate(db, ctx, params.id)),
);

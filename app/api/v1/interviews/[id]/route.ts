import { idParams } from "@/lib/api/schemas/common";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { getInterview } from "@/lib/interviews/get";

export const GET = v1Route({ scope: "interviews:read", resource: "Interview", params: idParams("interview") }, async ({ db, ctx, params }) =>
  json(await getInterview(db, ctx, params.id)),
);

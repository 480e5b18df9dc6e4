import { idParams } from "@/lib/api/schemas/common";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { cancelInterview } from "@/lib/interviews/cancel";

export const POST = v1Route({ scope: "interviews:write", resource: "Interview", params: idParams("interview") }, async ({ db, ctx, params }) =>
  json(await cancelInterview(db, ctx, params.id)),
);

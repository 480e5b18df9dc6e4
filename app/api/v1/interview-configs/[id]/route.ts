import { idParams } from "@/lib/api/schemas/common";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { getInterviewConfig } from "@/lib/interview-configs/read";

export const GET = v1Route({ scope: "interviews:read", resource: "Interview config", params: idParams("config") }, async ({ db, ctx, params }) =>
  json(await getInterviewConfig(db, ctx, params.id)),
);

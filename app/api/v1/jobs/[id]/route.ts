import { idParams } from "@/lib/api/schemas/common";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { getJob } from "@/lib/jobs/read";

export const GET = v1Route({ scope: "jobs:read", resource: "Job", params: idParams("job") }, async ({ db, ctx, params }) =>
  json(await getJob(db, ctx, params.id)),
);

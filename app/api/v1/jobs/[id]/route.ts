import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/jobs/operations";
import { getJob } from "@/lib/jobs/read";

export const GET = v1Route(op.getJob, async ({ db, ctx, params }) => json(await getJob(db, ctx, params.id)));

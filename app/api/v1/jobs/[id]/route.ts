import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/jobs/operations";
import { getJob } from "@/lib/jobs/read";
import { archiveJob, updateJob } from "@/lib/jobs/update";

export const GET = v1Route(op.getJob, async ({ db, ctx, params }) => json(await getJob(db, ctx, params.id)));

export const PATCH = v1Route(op.updateJob, async ({ db, ctx, params, body }) => json(await updateJob(db, ctx, params.id, body)));

export const DELETE = v1Route(op.archiveJob, async ({ db, ctx, params }) => json(await archiveJob(db, ctx, params.id)));

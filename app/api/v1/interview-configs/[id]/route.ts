import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/interview-configs/operations";
import { getInterviewConfig } from "@/lib/interview-configs/read";

export const GET = v1Route(op.getInterviewConfig, async ({ db, ctx, params }) => json(await getInterviewConfig(db, ctx, params.id)));

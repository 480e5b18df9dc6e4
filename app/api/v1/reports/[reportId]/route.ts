import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/reports/operations";
import { getReport } from "@/lib/reports/read";

export const GET = v1Route(op.getReport, async ({ db, ctx, params }) => json(await getReport(db, ctx, params.reportId)));

import { reportParams } from "@/lib/api/schemas/reports";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { getReport } from "@/lib/reports/read";

export const GET = v1Route({ scope: "interviews:read", resource: "Report", params: reportParams }, async ({ db, ctx, params }) =>
  json(await getReport(db, ctx, params.reportId)),
);

import { json } from "@/lib/http/json";
import { operationRoute } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi";
import * as op from "@/lib/openapi/operations";

export const dynamic = "force-dynamic";

export const GET = operationRoute(op.getOpenApiDocument, async () =>
  json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } }),
);

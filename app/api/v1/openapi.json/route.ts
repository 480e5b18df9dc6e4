import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

export const GET = route(async () =>
  json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } }),
);

import { z } from "zod";
import { defineOperations } from "../operation";

export const metaOperations = defineOperations([
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 document of the v1 API, generated from the same zod schemas the routes validate with. No API key needed.",
    tag: "Meta",
    scope: null,
    responses: { 200: { description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) } },
  },
]);

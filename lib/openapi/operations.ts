import { z } from "zod";
import { defineOperation } from "./operation";

// The document describes itself: served by app/api/v1/openapi.json.

export const getOpenApiDocument = defineOperation({
  method: "get",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  description:
    "The OpenAPI 3.1 document of the v1 API, generated from the same operation declarations the routes serve (and so from the zod schemas they validate with). No API key needed.",
  tag: "Meta",
  auth: "none",
  responses: { 200: { description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) } },
});

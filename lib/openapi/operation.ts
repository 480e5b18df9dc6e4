import type { z } from "zod";
import type { Scope } from "@/lib/auth/scopes";

export type HttpMethod = "get" | "post" | "patch" | "delete";

export type ResponseSpec = { description: string; schema?: z.ZodType; example?: unknown; headers?: Record<string, string> };

/** One documented endpoint. The schemas are the same zod objects the route validates with. */
export type Operation = {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/interviews/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** null: no API key (the OpenAPI document itself). */
  scope: Scope | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  responses: Record<number, ResponseSpec>;
  /** Error statuses this endpoint can answer besides the ones every authenticated call can (401, 429, 500). */
  errors?: number[];
};

export const defineOperations = (ops: Operation[]) => ops;

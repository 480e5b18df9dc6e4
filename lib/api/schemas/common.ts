import { z } from "zod";
import { type IdKind, isId } from "@/lib/ids";

// Building blocks shared by every resource's request and response schemas (and so by the
// OpenAPI document generated from them).

export const timestamp = z.iso.datetime().describe("ISO 8601 timestamp, UTC");
export const nullableTimestamp = timestamp.nullable();

/** An id of one kind; in a path a mismatch is a 404, in a body it is a 422 naming the field. */
export const idOf = (kind: IdKind, example?: string) =>
  z
    .string()
    .refine((v) => isId(kind, v), { message: `must be a ${kind} id` })
    .meta(example ? { example } : {});

export const idParams = (kind: IdKind) => z.object({ id: idOf(kind) });

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const MAX_PAGE_SIZE = 100;

// Strict on purpose: pageSize=0, 101 or "abc" is a 422 naming the parameter, never clamped.
const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be at least 1`));

export const paginationQuery = z.object({
  page: positiveInt("page").default(1),
  pageSize: positiveInt("pageSize")
    .pipe(z.number().max(MAX_PAGE_SIZE, `pageSize must be at most ${MAX_PAGE_SIZE}`))
    .default(20),
});

export type Page = { page: number; pageSize: number };

export const pageOffset = ({ page, pageSize }: Page) => (page - 1) * pageSize;

/**
 * A list's total: exact, or, when counting stopped early (see boundedCount in
 * lib/db/newest-first.ts), at least this many.
 */
export type Total = number | { atLeast: number };

/** The number to show for a total: itself, or its lower bound. */
export const totalCount = (total: Total): number => (typeof total === "number" ? total : total.atLeast);

export const paginationMeta = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe("Items matching the query; a lower bound when totalExact is false."),
  totalExact: z
    .boolean()
    .describe("False when counting stopped 10,000 items past this page: at least `total` items match, and the Link header has no `last`. Interviews unfiltered or filtered by status alone are always exact."),
  totalPages: z.number().int().describe("Pages of pageSize items: a lower bound when totalExact is false."),
  hasMore: z.boolean(),
});

export const listEnvelope = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pagination: paginationMeta });

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  requestId: z.string(),
  errors: z
    .array(z.object({ field: z.string(), in: z.enum(["body", "query", "path", "header"]), message: z.string(), code: z.string() }))
    .optional(),
});

/** Optional strings accept null from clients that send every key. */
export const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v ?? null);

/**
 * ISO 8601 with an offset (`Z` or `+02:00`), turned into a Date. Years 0001 to 9999 (in UTC)
 * only: PostgreSQL has no year 0, and outside that range the value cannot round-trip as ISO.
 */
export const isoInput = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .refine((d) => d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999, { message: "must be between the years 0001 and 9999 (UTC)" });

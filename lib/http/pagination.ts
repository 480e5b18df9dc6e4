import { z } from "zod";
import { json } from "./json";

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

/**
 * `{ data, pagination }` plus an RFC 8288 Link header with first, prev, next and last (last
 * only when the total is exact: otherwise the last page is not known).
 */
export function paginated(req: Request, items: unknown[], total: Total, { page, pageSize }: Page): Response {
  const totalExact = typeof total === "number";
  const count = totalCount(total);
  const totalPages = Math.max(1, Math.ceil(count / pageSize));
  const link = (p: number, rel: string) => {
    const url = new URL(req.url);
    url.searchParams.set("page", String(p));
    url.searchParams.set("pageSize", String(pageSize));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, "first")];
  if (page > 1) links.push(link(Math.min(page - 1, totalPages), "prev"));
  if (page < totalPages) links.push(link(page + 1, "next"));
  if (totalExact) links.push(link(totalPages, "last"));
  return json(
    { data: items, pagination: { page, pageSize, total: count, totalExact, totalPages, hasMore: page < totalPages } },
    { headers: { Link: links.join(", ") } },
  );
}

import { type Page, type Total, totalCount } from "@/lib/api/schemas/common";
import { json } from "./json";

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

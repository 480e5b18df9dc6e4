import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Previous and next page links of a server-rendered list; `href(n)` is page n with the current filters. */
export async function ListPager({ page, total, pageSize, totalExact, href }: { page: number; total: number; pageSize: number; totalExact: boolean; href: (page: number) => string }) {
  const t = await getTranslations("interviews");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between text-sm" data-print="hide">
      <span className="text-muted-foreground">{t(totalExact ? "pageOf" : "pageOfAtLeast", { page, pages })}</span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={href(page - 1)} rel="prev">
              {t("previous")}
            </Link>
          </Button>
        ) : null}
        {page < pages ? (
          <Button asChild variant="outline" size="sm">
            <Link href={href(page + 1)} rel="next">
              {t("next")}
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}

type Search = Record<string, string | string[] | undefined>;

/** `base` with the current search parameters and `patch` applied (page back to 1 unless the patch sets it). */
export function listHref(base: string, search: Search, patch: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (typeof v === "string" && k !== "page") params.set(k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { OptionField } from "@/components/console/option-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Option } from "@/lib/console/pickers";
import { useTypedSearch } from "@/components/console/list-search";

const filterParsers = {
  q: parseAsString,
  job: parseAsString,
  campaign: parseAsString,
  from: parseAsString,
  to: parseAsString,
  sort: parseAsString,
  page: parseAsString,
};

/** Filters live in the URL (bookmarkable, shareable); changing one re-renders the server table from page 1. */
export function InterviewFilters({ job, campaign }: { job: Option | null; campaign: Option | null }) {
  const t = useTranslations("interviews");
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(filterParsers, { shallow: false, startTransition });
  const [q, setQ] = useTypedSearch(params.q, setParams);
  const set = (patch: Partial<Record<keyof typeof filterParsers, string | null>>) => void setParams({ ...patch, page: null });

  return (
    // Two columns on a phone (search and sort span both) so the filters do not push the table a
    // screen down, two rows of four beside the sidebar, one row on a wide screen: never so
    // narrow that "All campaigns" is cut.
    <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-[minmax(12rem,2fr)_repeat(5,minmax(0,1fr))]" aria-busy={pending} data-print="hide">
      <div className="col-span-2 grid gap-1.5 2xl:col-span-1">
        <Label htmlFor="filter-q">{t("search")}</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input id="filter-q" type="search" className="pl-8" placeholder={t("searchPlaceholder")} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      <OptionField id="filter-job" kind="job" label={t("job")} placeholder={t("allJobs")} value={job} onChange={(job) => set({ job })} />
      <OptionField id="filter-campaign" kind="campaign" label={t("campaign")} placeholder={t("allCampaigns")} value={campaign} onChange={(campaign) => set({ campaign })} />
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">{t("from")}</Label>
        <Input id="filter-from" type="date" value={params.from ?? ""} onChange={(e) => set({ from: e.target.value || null })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">{t("to")}</Label>
        <Input id="filter-to" type="date" value={params.to ?? ""} onChange={(e) => set({ to: e.target.value || null })} />
      </div>
      <div className="col-span-2 grid gap-1.5 2xl:col-span-1">
        <Label htmlFor="filter-sort">{t("sort")}</Label>
        <NativeSelect id="filter-sort" value={params.sort ?? "newest"} onChange={(e) => set({ sort: e.target.value === "newest" ? null : e.target.value })}>
          <option value="newest">{t("sortNewest")}</option>
          <option value="oldest">{t("sortOldest")}</option>
          <option value="score">{t("sortScore")}</option>
        </NativeSelect>
      </div>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { OptionField } from "@/components/console/option-field";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Option } from "@/lib/console/pickers";

const parsers = {
  job: parseAsString,
  campaign: parseAsString,
  sort: parseAsStringLiteral(["desc", "asc"] as const).withDefault("desc"),
};

/** Which job or campaign to compare and in which order; all in the URL, so a comparison can be shared. */
export function CompareControls({ job, campaign, showSort }: { job: Option | null; campaign: Option | null; showSort: boolean }) {
  const t = useTranslations("compare");
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, startTransition, clearOnDefault: true });
  return (
    <div className="mb-4 grid gap-3 sm:grid-cols-3" aria-busy={pending} data-print="hide">
      <OptionField id="compare-job" kind="job" label={t("job")} placeholder={t("pickJob")} value={job} onChange={(job) => void setParams({ job, campaign: null })} />
      <OptionField
        id="compare-campaign"
        label={t("campaign")}
        placeholder={t("pickCampaign")}
        kind="campaign"
        value={params.job ? null : campaign}
        onChange={(campaign) => void setParams({ campaign, job: null })}
      />
      {showSort ? (
        <div className="grid gap-1.5">
          <Label htmlFor="compare-sort">{t("sort")}</Label>
          <NativeSelect id="compare-sort" value={params.sort} onChange={(e) => void setParams({ sort: e.target.value === "asc" ? "asc" : "desc" })}>
            <option value="desc">{t("sortDesc")}</option>
            <option value="asc">{t("sortAsc")}</option>
          </NativeSelect>
        </div>
      ) : null}
    </div>
  );
}

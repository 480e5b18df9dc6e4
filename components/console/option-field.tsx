"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { searchPickerAction } from "@/app/(console)/picker-actions";
import { Combobox } from "@/components/ui/combobox";
import { Label } from "@/components/ui/label";
import type { Option, PickerKind } from "@/lib/console/pickers";

/**
 * A labelled choice of one job or campaign, searched on the server as the user types; empty
 * means none. `value` is the chosen option as the server resolved it from the URL.
 */
export function OptionField({ id, kind, label, placeholder, value, onChange }: { id: string; kind: PickerKind; label: string; placeholder: string; value: Option | null; onChange: (value: string | null) => void }) {
  const t = useTranslations("common");
  const load = useCallback(async (q: string) => {
    const result = await searchPickerAction(kind, q);
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  }, [kind]);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Combobox id={id} noneLabel={placeholder} value={value} load={load} onChange={(o) => onChange(o?.id ?? null)} texts={{ loading: t("loading"), noMatches: t("noMatches"), failed: t("searchFailed") }} />
    </div>
  );
}

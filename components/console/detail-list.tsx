import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** Read-only fields of an object, for members who may not edit it. */
export function DetailList({ items, label }: { items: { term: string; value: ReactNode }[]; label: string }) {
  return (
    <Card className="max-w-2xl p-4 sm:p-5">
      <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]" aria-label={label}>
        {items.map(({ term, value }) => (
          <div key={term} className="contents">
            <dt className="font-medium text-muted-foreground">{term}</dt>
            <dd className="whitespace-pre-wrap break-words">{value ?? "–"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

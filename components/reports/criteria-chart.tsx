"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = { key: string; label: string; score: number | null; weight: number };

/**
 * Scores (1–5) per criterion, bar thickness cue by weight in the label; the same numbers follow
 * as a table for screen readers and print.
 */
export function CriteriaChart({ criteria }: { criteria: Row[] }) {
  const t = useTranslations("report");
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
  const data = criteria.map((c) => ({ name: c.label, score: c.score ?? 0, weight: Math.round((c.weight / totalWeight) * 100) }));
  return (
    <figure className="grid gap-3">
      <div className="h-64 w-full" aria-hidden data-testid="criteria-chart">
        <ResponsiveContainer width="100%" height="100%">
          {/* The table below is the accessible form; the drawing takes no keyboard focus. */}
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="var(--border)" />
            <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} stroke="var(--muted-foreground)" fontSize={12} />
            <YAxis type="category" dataKey="name" width={140} stroke="var(--muted-foreground)" fontSize={12} />
            <Tooltip
              cursor={{ fill: "var(--muted)" }}
              contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }}
              formatter={(value, _name, item) => [`${value}/5 · ${t("weightShare", { share: (item.payload as { weight: number }).weight })}`, t("score")]}
            />
            <Bar dataKey="score" fill="var(--chart-1)" radius={[0, 4, 4, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{t("chartCaption")}</figcaption>
      <table className="w-full text-sm" data-testid="criteria-table">
        <caption className="sr-only">{t("chartCaption")}</caption>
        <thead>
          <tr className="border-b text-left text-xs text-muted-foreground">
            <th className="py-1.5 font-medium">{t("criterion")}</th>
            <th className="py-1.5 text-right font-medium">{t("score")}</th>
            <th className="py-1.5 text-right font-medium">{t("weight")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c, i) => (
            <tr key={c.key} className="border-b last:border-0">
              <td className="py-1.5">{c.label}</td>
              <td className="py-1.5 text-right tabular-nums">{c.score === null ? t("notAssessed") : `${c.score}/5`}</td>
              <td className="py-1.5 text-right tabular-nums">{data[i]!.weight} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

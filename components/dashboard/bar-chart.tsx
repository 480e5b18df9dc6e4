"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; label: string; color: string };
export type BarDatum = { label: string } & Record<string, number | string>;

const axis = { stroke: "var(--muted-foreground)", fontSize: 12 };
const tooltipStyle = { background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12, color: "var(--foreground)" };

/**
 * The dashboard's bar chart: columns (`vertical` false) or one bar per row with long labels
 * (`horizontal`), several series stacked. Drawn inside an aria-hidden box: the card's table is
 * the accessible form, so the drawing takes no keyboard focus.
 */
export function DashboardBarChart({ data, series, horizontal = false, domain, stacked = false }: { data: BarDatum[]; series: Series[]; horizontal?: boolean; domain?: [number, number]; stacked?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ left: 4, right: 16, top: 4, bottom: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={horizontal} horizontal={!horizontal} stroke="var(--border)" />
        {horizontal ? (
          <>
            <XAxis type="number" domain={domain ?? [0, "auto"]} allowDecimals={false} {...axis} />
            <YAxis type="category" dataKey="label" width={120} {...axis} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval="preserveStartEnd" {...axis} />
            <YAxis domain={domain ?? [0, "auto"]} allowDecimals={false} width={36} {...axis} />
          </>
        )}
        <Tooltip cursor={{ fill: "var(--muted)" }} contentStyle={tooltipStyle} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} maxBarSize={32} radius={stacked ? 0 : horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

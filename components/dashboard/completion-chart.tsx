"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

/** Completed against invited-but-not-completed, as a ring with the rate in its middle (aria-hidden: the table says it). */
export function CompletionChart({ completed, notCompleted, labels, rate }: { completed: number; notCompleted: number; labels: { completed: string; notCompleted: string }; rate: string }) {
  const data = [
    { name: labels.completed, value: completed, fill: "var(--chart-1)" },
    { name: labels.notCompleted, value: notCompleted, fill: "var(--muted)" },
  ];
  return (
    <div className="relative h-full w-full">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart accessibilityLayer={false}>
          <Pie data={data} dataKey="value" nameKey="name" rootTabIndex={-1} innerRadius="62%" outerRadius="90%" startAngle={90} endAngle={-270} stroke="var(--card)" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.name} fill={d.fill} />
            ))}
          </Pie>
          <Tooltip contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }} />
        </PieChart>
      </ResponsiveContainer>
      <span className="pointer-events-none absolute inset-0 flex items-center justify-center text-3xl font-semibold tabular-nums">{rate}</span>
    </div>
  );
}

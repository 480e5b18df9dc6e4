"use client";

import { Table2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/**
 * A dashboard card: a chart drawn for the eye (hidden from assistive technology) and the same
 * numbers as a table, read by screen readers always and shown on request.
 */
export function ChartFigure({ title, description, chart, table, empty, testId }: { title: string; description?: string; chart: ReactNode; table: ReactNode; empty?: string | null; testId: string }) {
  const t = useTranslations("dashboard");
  const [shown, setShown] = useState(false);
  const tableId = useId();
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription className="mt-1">{description}</CardDescription> : null}
        </div>
        {empty ? null : (
          <Button variant="ghost" size="sm" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((s) => !s)}>
            <Table2 aria-hidden />
            {shown ? t("hideNumbers") : t("showNumbers")}
          </Button>
        )}
      </CardHeader>
      <CardContent>
        {empty ? (
          <p className="rounded-md border border-dashed px-4 py-8 text-center text-sm text-muted-foreground" data-testid={`${testId}-empty`}>
            {empty}
          </p>
        ) : (
          <>
            <div className="h-56 w-full" aria-hidden>
              {chart}
            </div>
            <div id={tableId} className={shown ? "mt-3 overflow-x-auto" : "sr-only"}>
              {table}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** The numbers of a chart: a plain table, first column the category. */
export function NumbersTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b text-left text-xs text-muted-foreground">
          {head.map((h, i) => (
            <th key={i} scope="col" className={cn("py-1.5 font-medium", i > 0 && "text-right")}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className="border-b last:border-0">
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1.5 text-left font-normal">
                  {cell}
                </th>
              ) : (
                <td key={i} className="py-1.5 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

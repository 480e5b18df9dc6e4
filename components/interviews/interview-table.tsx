import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConsoleListRow } from "@/lib/console/interview-list";
import { DecisionSummary } from "./decision-summary";
import { StatusBadge } from "./status-badge";

export async function InterviewTable({ rows }: { rows: ConsoleListRow[] }) {
  const [t, ti, format] = await Promise.all([getTranslations("interviews"), getTranslations("interview"), getFormatter()]);
  // This year's dates without the year, so the whole table fits beside the sidebar at 1280 px;
  // the full date is on hover and for screen readers' <time>.
  const thisYear = new Date().getFullYear();
  const date = (iso: string | null) => {
    if (!iso) return "–";
    const d = new Date(iso);
    const full = format.dateTime(d, { dateStyle: "medium" });
    return (
      <time dateTime={iso} title={full}>
        {d.getFullYear() === thisYear ? format.dateTime(d, { month: "short", day: "numeric" }) : full}
      </time>
    );
  };
  return (
    <Table data-testid="interviews-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("candidate")}</TableHead>
          <TableHead>{t("job")}</TableHead>
          <TableHead>{t("statusColumn")}</TableHead>
          <TableHead>{t("invited")}</TableHead>
          <TableHead>{t("started")}</TableHead>
          <TableHead>{t("ended")}</TableHead>
          <TableHead>{t("score")}</TableHead>
          <TableHead>{t("decision")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="interview-row">
            <TableCell>
              <Link href={`/interviews/${row.id}`} className="font-medium text-foreground">
                {row.candidate.firstName} {row.candidate.lastName}
              </Link>
              <div className="text-xs text-muted-foreground">{row.candidate.email}</div>
            </TableCell>
            <TableCell className="max-w-40 truncate" title={row.job.title}>
              {row.job.title}
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap">{date(row.invitedAt)}</TableCell>
            <TableCell className="whitespace-nowrap">{date(row.startedAt)}</TableCell>
            <TableCell className="whitespace-nowrap">{date(row.endedAt)}</TableCell>
            {/* The AI's recommendation under its score: one column fewer for the table to fit. */}
            <TableCell className="tabular-nums">
              {row.report?.overallScore == null ? "–" : format.number(row.report.overallScore, { maximumFractionDigits: 1 })}
              {row.report?.recommendation ? (
                <div className="mt-1">
                  <Badge tone="info" className="whitespace-nowrap" title={t("recommendation")}>
                    <span className="sr-only">{t("recommendation")}: </span>
                    {ti(`recommendation.${row.report.recommendation}` as "recommendation.YES")}
                  </Badge>
                </div>
              ) : null}
            </TableCell>
            <TableCell>
              <DecisionSummary decision={row.decision} compact />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConsoleListRow } from "@/lib/console/interview-list";
import { DecisionSummary } from "./decision-summary";
import { StatusBadge } from "./status-badge";

export async function InterviewTable({ rows }: { rows: ConsoleListRow[] }) {
  const [t, ti, format] = await Promise.all([getTranslations("interviews"), getTranslations("interview"), getFormatter()]);
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "–");
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
          <TableHead className="text-right">{t("score")}</TableHead>
          <TableHead>{t("recommendation")}</TableHead>
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
            <TableCell className="max-w-48 truncate">{row.job.title}</TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap">{date(row.invitedAt)}</TableCell>
            <TableCell className="whitespace-nowrap">{date(row.startedAt)}</TableCell>
            <TableCell className="whitespace-nowrap">{date(row.endedAt)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {row.report?.overallScore == null ? "–" : format.number(row.report.overallScore, { maximumFractionDigits: 1 })}
            </TableCell>
            <TableCell>{row.report?.recommendation ? <Badge tone="info">{ti(`recommendation.${row.report.recommendation}` as "recommendation.YES")}</Badge> : "–"}</TableCell>
            <TableCell>
              <DecisionSummary decision={row.decision} compact />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

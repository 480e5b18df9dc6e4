import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobListRow } from "@/lib/console/job-list";

export async function JobTable({ rows }: { rows: JobListRow[] }) {
  const [t, format] = await Promise.all([getTranslations("jobs"), getFormatter()]);
  return (
    <Table data-testid="jobs-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("fieldTitle")}</TableHead>
          <TableHead>{t("fieldLocation")}</TableHead>
          <TableHead className="text-right">{t("interviews")}</TableHead>
          <TableHead>{t("createdAt")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((job) => (
          <TableRow key={job.id} data-testid="job-row">
            <TableCell>
              <Link href={`/jobs/${job.id}`} className="font-medium text-foreground">
                {job.title}
              </Link>
              {job.archivedAt ? (
                <Badge className="ml-2" tone="neutral">
                  {t("archivedBadge")}
                </Badge>
              ) : null}
            </TableCell>
            <TableCell className="max-w-48 truncate">{job.location ?? "–"}</TableCell>
            <TableCell className="text-right tabular-nums">
              <Link href={`/interviews?job=${job.id}`} aria-label={t("interviewsOf", { n: job.interviews, title: job.title })}>
                {format.number(job.interviews)}
              </Link>
            </TableCell>
            <TableCell className="whitespace-nowrap">{format.dateTime(new Date(job.createdAt), { dateStyle: "medium" })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

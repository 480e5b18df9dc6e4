import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CandidateListRow } from "@/lib/console/candidate-list";

export async function CandidateTable({ rows }: { rows: CandidateListRow[] }) {
  const [t, format] = await Promise.all([getTranslations("candidates"), getFormatter()]);
  return (
    <Table data-testid="candidates-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("email")}</TableHead>
          <TableHead className="text-right">{t("interviews")}</TableHead>
          <TableHead>{t("createdAt")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id} data-testid="candidate-row">
            <TableCell>
              <Link href={`/candidates/${c.id}`} className="font-medium text-foreground">
                {c.firstName} {c.lastName}
              </Link>
            </TableCell>
            <TableCell className="max-w-64 truncate">{c.email}</TableCell>
            <TableCell className="text-right tabular-nums">{format.number(c.interviews)}</TableCell>
            <TableCell className="whitespace-nowrap">{format.dateTime(new Date(c.createdAt), { dateStyle: "medium" })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

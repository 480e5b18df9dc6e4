"use client";

import { Printer, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { regenerateReportAction } from "@/app/(console)/interviews/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function ReportActions({ interviewId, canAct }: { interviewId: string; canAct: boolean }) {
  const t = useTranslations("report");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="outline" onClick={() => window.print()}>
        <Printer aria-hidden />
        {t("print")}
      </Button>
      {canAct ? (
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await regenerateReportAction(interviewId);
              if (!result.ok) return void toast.error(result.error.message);
              toast.success(t("regenerating", { version: result.data.version }));
              router.push(`/interviews/${interviewId}/report?version=${result.data.version}`);
            })
          }
        >
          <RefreshCw aria-hidden />
          {t("regenerate")}
        </Button>
      ) : null}
    </>
  );
}

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Ban, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { cancelInterviewAction, resendInvitationAction } from "@/app/(console)/interviews/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/console/action-result";

type Props = { interviewId: string; status: string };

/** Cancel and resend, each confirmed first; the API's own error message on refusal. */
export function InterviewActions({ interviewId, status }: Props) {
  const t = useTranslations("interview");
  const tc = useTranslations("common");
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<"cancel" | "resend" | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const canCancel = status === "DRAFT" || status === "INVITED" || status === "IN_PROGRESS";
  const canResend = status === "DRAFT" || status === "INVITED" || status === "EXPIRED";
  if (!canCancel && !canResend) return null;

  const run = <T,>(action: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error.message);
        setDialog(null);
        return;
      }
      done(result.data);
      await queryClient.invalidateQueries({ queryKey: ["interview", interviewId] });
    });

  return (
    <>
      {canResend ? (
        <Dialog open={dialog === "resend"} onOpenChange={(open) => { setDialog(open ? "resend" : null); if (!open) setLink(null); }}>
          <DialogTrigger asChild>
            <Button variant="outline">
              <Send aria-hidden />
              {t("resend")}
            </Button>
          </DialogTrigger>
          <DialogContent closeLabel={tc("close")}>
            <DialogHeader>
              <DialogTitle>{link ? t("resendDoneTitle") : t("resendTitle")}</DialogTitle>
              <DialogDescription>{link ? t("resendDoneBody") : t("resendBody")}</DialogDescription>
            </DialogHeader>
            {link ? (
              <div className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded-md border bg-muted px-2 py-1.5 text-xs" data-testid="invitation-link">
                  {link}
                </code>
                <CopyButton value={link} />
              </div>
            ) : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">{link ? tc("close") : tc("cancel")}</Button>
              </DialogClose>
              {link ? null : (
                <Button disabled={pending} onClick={() => run(() => resendInvitationAction(interviewId), (d) => { setLink(d.invitationUrl); toast.success(t("resendDoneTitle")); })}>
                  {t("resendConfirm")}
                </Button>
              )}
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
      {canCancel ? (
        <Dialog open={dialog === "cancel"} onOpenChange={(open) => setDialog(open ? "cancel" : null)}>
          <DialogTrigger asChild>
            <Button variant="outline" className="text-destructive">
              <Ban aria-hidden />
              {t("cancel")}
            </Button>
          </DialogTrigger>
          <DialogContent closeLabel={tc("close")}>
            <DialogHeader>
              <DialogTitle>{t("cancelTitle")}</DialogTitle>
              <DialogDescription>{t("cancelBody")}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">{t("keep")}</Button>
              </DialogClose>
              <Button variant="destructive" disabled={pending} onClick={() => run(() => cancelInterviewAction(interviewId), () => { setDialog(null); toast.success(t("cancelled")); })}>
                {t("cancelConfirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </>
  );
}

"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setJobArchivedAction } from "@/app/(console)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";

/** Archive, confirmed first; restore, at once (it only puts the job back in the pickers). */
export function ArchiveJobButton({ jobId, archived }: { jobId: string; archived: boolean }) {
  const t = useTranslations("jobs");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (archive: boolean) =>
    startTransition(async () => {
      const result = await setJobArchivedAction(jobId, archive);
      setOpen(false);
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(t(archive ? "archived" : "restored"));
      router.refresh();
    });

  if (archived) {
    return (
      <Button variant="outline" disabled={pending} onClick={() => run(false)}>
        <ArchiveRestore aria-hidden />
        {t("restore")}
      </Button>
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Archive aria-hidden />
          {t("archive")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("archiveTitle")}</DialogTitle>
          <DialogDescription>{t("archiveBody")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{tc("cancel")}</Button>
          </DialogClose>
          <Button disabled={pending} onClick={() => run(true)}>
            {t("archiveConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

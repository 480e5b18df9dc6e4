"use client";

import { Menu } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConsoleNav } from "./console-nav";

/** Below the md breakpoint the sidebar becomes a drawer behind a menu button. */
export function MobileNav({ organization, footer }: { organization: string; footer: ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("openMenu")}>
          <Menu aria-hidden />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50" />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-r bg-sidebar p-4 shadow-lg">
          <DialogPrimitive.Title className="text-sm font-semibold">{organization}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">{t("label")}</DialogPrimitive.Description>
          <ConsoleNav onNavigate={() => setOpen(false)} />
          <div className="mt-auto">{footer}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

"use client";

import { ChevronsUpDown, LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { chooseLanguage, chooseTheme, signOutAction } from "@/app/(console)/preference-actions";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { THEMES, type Theme } from "@/lib/console/preferences";
import { LOCALES } from "@/lib/i18n/locales";

export function UserMenu({ email, role, theme }: { email: string; role: string; theme: Theme }) {
  const t = useTranslations("userMenu");
  const tRole = useTranslations("roles");
  const tLang = useTranslations("languages");
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const apply = (action: () => Promise<void>) => startTransition(async () => { await action(); router.refresh(); });
  const themeLabel = { light: t("themeLight"), dark: t("themeDark"), system: t("themeSystem") } as const;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center gap-2 rounded-md px-2 py-2 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold uppercase text-primary-foreground">
          {email.slice(0, 2)}
        </span>
        <span className="min-w-0 flex-1">
          {/* The visible words stay in the accessible name (WCAG 2.5.3), after what the button is. */}
          <span className="sr-only">{t("menu")} </span>
          <span className="block truncate font-medium">{email}</span>
          <span className="block text-xs text-muted-foreground">{tRole(role as "viewer")}</span>
        </span>
        <ChevronsUpDown className="size-4 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" side="top" className="w-60">
        <DropdownMenuLabel>{t("language")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={(v) => apply(() => chooseLanguage(v))}>
          {LOCALES.map((l) => (
            <DropdownMenuRadioItem key={l} value={l} lang={l}>
              {tLang(l)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("theme")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={(v) => apply(() => chooseTheme(v))}>
          {THEMES.map((th) => (
            <DropdownMenuRadioItem key={th} value={th}>
              {themeLabel[th]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction())}>
          <LogOut aria-hidden />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Brand } from "@/components/console/brand";
import { ConsoleNav } from "@/components/console/console-nav";
import { MobileNav } from "@/components/console/mobile-nav";
import { QueryProvider } from "@/components/console/query-provider";
import { TimeZoneCookie } from "@/components/console/time-zone-cookie";
import { UserMenu } from "@/components/console/user-menu";
import { isTheme, THEME_COOKIE } from "@/lib/console/preferences";
import { requireConsole } from "@/lib/console/session";

// Every console page reads the session and the organisation's data at request time.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [{ user, organization }, t, jar] = await Promise.all([requireConsole(), getTranslations("common"), cookies()]);
  const theme = jar.get(THEME_COOKIE)?.value;
  const menu = <UserMenu email={user.email} role={user.role} theme={isTheme(theme) ? theme : "system"} />;
  return (
    <NuqsAdapter>
      <QueryProvider>
        <TimeZoneCookie />
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
          {/* The panel spans the page's whole height; its content stays in view while the page scrolls. */}
          <aside data-print="hide" className="hidden border-r bg-sidebar md:block">
            <div className="sticky top-0 flex h-dvh flex-col gap-5 p-4">
              <Brand />
              <p className="truncate px-1 text-xs font-medium uppercase tracking-wide text-muted-foreground" data-testid="organization-name">
                {organization.name}
              </p>
              <ConsoleNav />
              <div className="mt-auto">{menu}</div>
            </div>
          </aside>
          <div className="flex min-w-0 flex-col">
            <header data-print="hide" className="sticky top-0 z-40 flex items-center justify-between gap-2 border-b bg-background/95 px-3 py-2 backdrop-blur md:hidden">
              <MobileNav organization={organization.name} footer={menu} />
              <Brand />
              <span className="w-9" />
            </header>
            <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
              {children}
            </main>
          </div>
        </div>
      </QueryProvider>
    </NuqsAdapter>
  );
}

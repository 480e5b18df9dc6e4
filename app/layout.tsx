import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { THEME_COOKIE, themeClass } from "@/lib/console/preferences";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "AI voice interviews with live transcripts and reports grounded in what candidates said.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request (reading cookies already implies it; this says so on
  // purpose): its scripts carry that request's CSP nonce (proxy.ts), which a page prerendered
  // at build time could not.
  await connection();
  const [locale, jar, messages] = await Promise.all([getLocale(), cookies(), getMessages()]);
  // Every page ships the messages its client components may use; the candidate's page gives
  // its own (components/invitation/invitation-welcome.tsx), so the console's pages need not
  // carry the candidate's texts, a third of the file.
  const { candidate: _candidate, invitation: _invitation, ...shared } = messages;
  return (
    <html lang={locale} className={themeClass(jar.get(THEME_COOKIE)?.value)}>
      <body className="min-h-dvh">
        <NextIntlClientProvider messages={shared}>
          <TooltipProvider>
            {children}
            <Toaster />
          </TooltipProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

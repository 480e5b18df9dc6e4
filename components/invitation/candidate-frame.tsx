import type { ReactNode } from "react";

/** The candidate's pages: one calm column, the organisation's words first, Parley's mark last. */
export function CandidateFrame({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <main lang={lang} className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col gap-5 px-4 py-10 sm:py-16">
      {children}
      <p className="mt-auto pt-8 text-center text-xs text-muted-foreground">Parley</p>
    </main>
  );
}

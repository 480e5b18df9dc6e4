import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Brand } from "./brand";

/**
 * The branded frame of the 404, error and outage pages. Inside the console's layout (a console
 * URL that names nothing) the sidebar already shows the brand and the page must not be taller
 * than the screen: no second brand, a shorter frame.
 */
export function StatusPage({ icon: Icon, code, title, body, action }: { icon: LucideIcon; code?: string; title: string; body: ReactNode; action?: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 py-10 text-center in-[#main]:min-h-[60dvh]">
      {/* Next gives these pages no metadata of their own: React puts this title in the head. */}
      <title>{`${title} · Parley`}</title>
      <div className="in-[#main]:hidden">
        <Brand />
      </div>
      <Icon className="mt-6 size-10 text-muted-foreground" aria-hidden />
      {code ? <p className="text-sm font-semibold tracking-widest text-muted-foreground">{code}</p> : null}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{body}</p>
      {action ? <div className="mt-2">{action}</div> : null}
    </main>
  );
}

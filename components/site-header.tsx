import type { ReactNode } from "react";
import { Brand } from "./console/brand";

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="flex items-center justify-between border-b bg-card px-5 py-3">
      <Brand />
      <nav className="flex items-center gap-4 text-sm [&_a]:text-primary">{children}</nav>
    </header>
  );
}

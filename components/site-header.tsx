import Link from "next/link";
import type { ReactNode } from "react";

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="site">
      <Link href="/" className="brand">
        Parley
      </Link>
      <nav>{children}</nav>
    </header>
  );
}

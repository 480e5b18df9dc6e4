import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-base font-bold tracking-tight text-foreground no-underline">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-primary text-sm text-primary-foreground">
        P
      </span>
      Parley
    </Link>
  );
}

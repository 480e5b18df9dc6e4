import { Skeleton } from "@/components/ui/skeleton";

/** What a list page shows while the server reads it: its header, search and rows as placeholders. */
export function ListLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-72" />
      <Skeleton className="h-9 w-full max-w-md" />
      <div className="grid gap-2 rounded-lg border bg-card p-3">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}

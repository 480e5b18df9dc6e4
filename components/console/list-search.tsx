"use client";

import { Search } from "lucide-react";
import { parseAsString, useQueryStates } from "nuqs";
import { useEffect, useState, useTransition } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const parsers = { q: parseAsString, page: parseAsString };

/**
 * The text of a search box that searches as the user types: applied to the URL (`?q=`, back to
 * page 1) once they pause, so every keystroke is not a new server render.
 */
export function useTypedSearch(current: string | null, setParams: (patch: { q: string | null; page: null }) => unknown): [string, (q: string) => void] {
  const [q, setQ] = useState(current ?? "");
  useEffect(() => {
    if ((current ?? "") === q) return;
    const timer = setTimeout(() => void setParams({ q: q || null, page: null }), 350);
    return () => clearTimeout(timer);
  }, [q, current, setParams]);
  return [q, setQ];
}

/** A list's search box: the text lives in the URL (`?q=`), and a new search starts at page 1. */
export function ListSearch({ id, label, placeholder }: { id: string; label: string; placeholder: string }) {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, startTransition });
  const [q, setQ] = useTypedSearch(params.q, setParams);

  return (
    <div className="grid max-w-md gap-1.5" aria-busy={pending}>
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input id={id} type="search" className="pl-8" placeholder={placeholder} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
    </div>
  );
}

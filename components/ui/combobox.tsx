"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "./cn";
import { fieldClass } from "./input";

export type ComboboxOption = { id: string; label: string };

type Props = {
  id: string;
  /** What "no choice" is called ("All jobs"): the first option, choosing it clears the value. */
  noneLabel: string;
  value: ComboboxOption | null;
  /** Options for what the user typed; called as they pause typing, and on opening. */
  load: (query: string) => Promise<ComboboxOption[]>;
  onChange: (option: ComboboxOption | null) => void;
  texts: { loading: string; noMatches: string; failed: string };
};

// A combobox in the WAI-ARIA pattern (input with a listbox popup, aria-activedescendant):
// typing searches on the server, arrows move, Enter chooses, Escape closes and restores.
export function Combobox({ id, noneLabel, value, load, onChange, texts }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  // What the last answered search was for: the list is loading while it differs from the query.
  const [result, setResult] = useState<{ query: string; options: ComboboxOption[]; failed: boolean } | null>(null);
  const [active, setActive] = useState(0);
  const request = useRef(0);
  const typed = query ?? "";

  useEffect(() => {
    if (!open) return;
    const ticket = ++request.current;
    const answer = (options: ComboboxOption[], failed: boolean) => {
      if (ticket !== request.current) return;
      setResult({ query: typed, options, failed });
      setActive(0);
    };
    const timer = setTimeout(() => load(typed).then((found) => answer(found, false), () => answer([], true)), typed ? 200 : 0);
    return () => clearTimeout(timer);
  }, [open, typed, load]);

  const options = result?.options ?? [];
  const state = !result || result.query !== typed ? "loading" : result.failed ? "failed" : "idle";
  const entries: (ComboboxOption | null)[] = [null, ...options];
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (option: ComboboxOption | null) => {
    close();
    if (option?.id !== value?.id) onChange(option);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + entries.length) % entries.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(entries[active] ?? null);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="relative">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(active) : undefined}
        autoComplete="off"
        className={cn(fieldClass, "pr-8")}
        placeholder={noneLabel}
        value={query ?? value?.label ?? ""}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ChevronsUpDown className="pointer-events-none absolute right-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
      {open ? (
        <ul id={listId} role="listbox" className="absolute z-50 mt-1 max-h-72 w-full min-w-48 overflow-auto rounded-md border bg-card p-1 text-sm shadow-md">
          {entries.map((option, i) => {
            const selected = (option?.id ?? null) === (value?.id ?? null);
            return (
              <li
                key={option?.id ?? "none"}
                id={optionId(i)}
                role="option"
                aria-selected={selected}
                // Keep the input focused: a blur would close the list before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
                onMouseMove={() => setActive(i)}
                className={cn("flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5", i === active && "bg-muted", !option && "text-muted-foreground")}
              >
                <Check className={cn("size-4 shrink-0", selected ? "opacity-100" : "opacity-0")} aria-hidden />
                <span className="truncate">{option?.label ?? noneLabel}</span>
              </li>
            );
          })}
          {state !== "idle" || !options.length ? (
            <li role="presentation" className="px-2 py-1.5 text-muted-foreground" aria-live="polite">
              {state === "loading" ? texts.loading : state === "failed" ? texts.failed : texts.noMatches}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

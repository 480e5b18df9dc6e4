"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A screen's heading, focused when the screen appears: a screen reader then reads where the
 * candidate now is, and the next Tab starts from the top of the new screen.
 */
export function StepHeading({ children, className, focus = true, level = 1 }: { children: ReactNode; className?: string; focus?: boolean; level?: 1 | 2 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const Tag = level === 1 ? "h1" : "h2";
  return (
    <Tag ref={ref} tabIndex={-1} className={cn("text-2xl font-semibold tracking-tight outline-none", className)}>
      {children}
    </Tag>
  );
}

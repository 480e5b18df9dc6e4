"use client";

import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

export { toast } from "sonner";

// Sonner's own rich colours (red text on pink, for one) miss WCAG AA contrast: use our tokens,
// which meet it in both themes.
const tone = (name: string, token: string) => ({
  [`--${name}-bg`]: `color-mix(in oklch, var(${token}) 8%, var(--card))`,
  [`--${name}-border`]: `color-mix(in oklch, var(${token}) 40%, var(--card))`,
  [`--${name}-text`]: `var(${token})`,
});
const colours = { ...tone("error", "--destructive"), ...tone("success", "--success"), ...tone("info", "--info"), ...tone("warning", "--warning") } as CSSProperties;

export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton style={colours} toastOptions={{ className: "text-sm" }} />;
}

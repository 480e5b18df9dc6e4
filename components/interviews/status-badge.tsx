"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  DRAFT: "neutral",
  INVITED: "info",
  IN_PROGRESS: "warning",
  COMPLETED: "success",
  CANCELLED: "neutral",
  EXPIRED: "danger",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  return (
    <Badge tone={TONES[status] ?? "neutral"} data-testid="status-badge">
      {t(status as "DRAFT")}
    </Badge>
  );
}

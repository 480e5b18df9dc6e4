"use client";

import { useTranslations } from "next-intl";
import { EndScreen } from "./end-screen";

/** The closed-link screens of the server page (invitation-closed.tsx), reached from an answer of the API instead. */
export function ClosedCard({ reason }: { reason: "unknown" | "cancelled" | "expired" | "completed" }) {
  const t = useTranslations("invitation.closed");
  return <EndScreen testId={`invitation-${reason}`} title={t(`${reason}.title`)} body={t(`${reason}.body`)} />;
}

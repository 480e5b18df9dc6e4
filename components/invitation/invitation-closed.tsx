import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import { CandidateFrame } from "./candidate-frame";

export type ClosedReason = "unknown" | "cancelled" | "expired" | "completed";

/** A link that leads nowhere says so kindly, and names neither the organisation nor the job. */
export async function InvitationClosed({ reason, locale = "en" }: { reason: ClosedReason; locale?: Locale }) {
  const t = await getTranslations({ locale, namespace: "invitation.closed" });
  return (
    <CandidateFrame lang={locale}>
      <Card className="p-6" data-testid={`invitation-${reason}`}>
        <h1 className="text-xl font-semibold">{t(`${reason}.title`)}</h1>
        <p className="mt-2 text-muted-foreground">{t(`${reason}.body`)}</p>
      </Card>
    </CandidateFrame>
  );
}

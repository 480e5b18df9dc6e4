import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { CandidateFrame } from "./candidate-frame";

export type ClosedReason = "unknown" | "cancelled" | "expired" | "completed";

/** A link that leads nowhere says so kindly, and names neither the organisation nor the job. */
export function InvitationClosed({ reason, locale = "en" }: { reason: ClosedReason; locale?: Locale }) {
  const t = translatorFor(locale, "invitation");
  return (
    <CandidateFrame lang={locale}>
      <Card className="p-6" data-testid={`invitation-${reason}`}>
        <h1 className="text-xl font-semibold">{t(`closed.${reason}.title`)}</h1>
        <p className="mt-2 text-muted-foreground">{t(`closed.${reason}.body`)}</p>
      </Card>
    </CandidateFrame>
  );
}

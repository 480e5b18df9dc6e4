import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatExpiry } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import type { InvitationView } from "@/lib/interviews/invitation-link";
import { CandidateFrame } from "./candidate-frame";

type Open = Extract<InvitationView, { state: "open" }>;

/** A valid link: who invites, for what, what the candidate is about to do, and the step to come. */
export function InvitationWelcome({ view }: { view: Open }) {
  const t = translatorFor(view.locale, "invitation");
  return (
    <CandidateFrame lang={view.locale}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("welcome", { name: view.candidateFirstName })}</h1>
        <p className="mt-2 text-muted-foreground">{t("invitedBy", { organization: view.organizationName, job: view.jobTitle })}</p>
      </div>
      <Card className="p-6" aria-labelledby="ai-disclosure">
        <h2 id="ai-disclosure" className="text-lg font-semibold">
          {t("aiTitle")}
        </h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5">
          <li>{t("ai")}</li>
          <li>{t("recording")}</li>
          <li>{t("review")}</li>
        </ul>
        <p className="mt-3 text-sm text-muted-foreground">{t("validUntil", { date: formatExpiry(view.expiresAt, view.locale) })}</p>
      </Card>
      <Card className="p-6" aria-labelledby="next-step" data-testid="consent-placeholder">
        <h2 id="next-step" className="text-lg font-semibold">
          {t("nextTitle")}
        </h2>
        <p className="mt-2">{t("next")}</p>
        <p className="mt-2 text-sm text-muted-foreground">{t("notYet")}</p>
        <Button className="mt-4" disabled aria-disabled="true">
          {t("startLabel")}
        </Button>
      </Card>
    </CandidateFrame>
  );
}

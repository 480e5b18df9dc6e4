import { NextIntlClientProvider } from "next-intl";
import { CandidateJourney } from "@/components/candidate/candidate-journey";
import type { ConsentNotice } from "@/components/candidate/types";
import { formatExpiry } from "@/lib/i18n/locales";
import { MESSAGES, translatorFor } from "@/lib/i18n/messages";
import type { OpenInvitation } from "@/lib/interviews/invitation-link";
import { CandidateFrame } from "./candidate-frame";

/**
 * A valid link: who invites and for what, then the candidate's path (consent, voice or writing)
 * in the interview's language, whatever the visitor's browser or cookie says: the client part
 * gets its own messages, only the candidate's.
 */
export function InvitationWelcome({ token, view, notice, voiceAvailable }: { token: string; view: OpenInvitation; notice: ConsentNotice; voiceAvailable: boolean }) {
  const t = translatorFor(view.locale, "invitation");
  const messages = MESSAGES[view.locale];
  const welcome = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("welcome", { name: view.candidateFirstName })}</h1>
      <p className="mt-2 text-muted-foreground">{t("invitedBy", { organization: view.organizationName, job: view.jobTitle })}</p>
      <p className="mt-1 text-sm text-muted-foreground">{t("validUntil", { date: formatExpiry(view.expiresAt, view.locale) })}</p>
    </div>
  );
  return (
    <CandidateFrame lang={view.locale}>
      <NextIntlClientProvider locale={view.locale} timeZone="UTC" messages={{ candidate: messages.candidate, invitation: { closed: messages.invitation.closed } }}>
        <CandidateJourney
          token={token}
          notice={notice}
          voiceAvailable={voiceAvailable}
          context={{ organizationName: view.organizationName, jobTitle: view.jobTitle }}
          welcome={welcome}
        />
      </NextIntlClientProvider>
    </CandidateFrame>
  );
}

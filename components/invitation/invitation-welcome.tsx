import { formatExpiry } from "@/lib/email/invitation-template";
import type { InvitationView } from "@/lib/interviews/invitation-link";
import { PAGE_COPY } from "./copy";

type Open = Extract<InvitationView, { state: "open" }>;

/** A valid link: who invites, for what, what the candidate is about to do, and the step to come. */
export function InvitationWelcome({ view }: { view: Open }) {
  const c = PAGE_COPY[view.locale];
  return (
    <main lang={c.lang} style={{ maxWidth: 640 }}>
      <h1>{c.welcome(view.candidateFirstName)}</h1>
      <p>{c.invitedBy(view.organizationName, view.jobTitle)}</p>
      <section className="card" aria-labelledby="ai-disclosure" style={{ marginTop: "1.5rem" }}>
        <h2 id="ai-disclosure">{c.aiTitle}</h2>
        <ul>
          <li>{c.ai}</li>
          <li>{c.recording}</li>
          <li>{c.review}</li>
        </ul>
        <p className="muted">{c.validUntil(formatExpiry(view.expiresAt, view.locale))}</p>
      </section>
      <section className="card" aria-labelledby="next-step" style={{ marginTop: "1rem" }} data-testid="consent-placeholder">
        <h2 id="next-step">{c.nextTitle}</h2>
        <p>{c.next}</p>
        <p className="muted">{c.notYet}</p>
        <button type="button" className="button" disabled aria-disabled="true" style={{ opacity: 0.5, cursor: "not-allowed" }}>
          {c.startLabel}
        </button>
      </section>
    </main>
  );
}

import type { EmailLocale } from "@/lib/email/invitation-template";
import { type ClosedReason, PAGE_COPY } from "./copy";

/** A link that leads nowhere says so kindly, and names neither the organisation nor the job. */
export function InvitationClosed({ reason, locale = "en" }: { reason: ClosedReason; locale?: EmailLocale }) {
  const c = PAGE_COPY[locale];
  const { title, body } = c.closed[reason];
  return (
    <main lang={c.lang} style={{ maxWidth: 640 }}>
      <section className="card" data-testid={`invitation-${reason}`}>
        <h1>{title}</h1>
        <p>{body}</p>
      </section>
    </main>
  );
}

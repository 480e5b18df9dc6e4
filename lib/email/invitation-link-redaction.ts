import { sql } from "drizzle-orm";
import { emails } from "@/db/emails";

// An invitation link is a credential. The stored copy of an e-mail holds it only while the
// e-mail may still go out (QUEUED) or, with no e-mail provider configured, in the local outbox
// (OUTBOX) until the invitation is withdrawn. Sent, failed and withdrawn e-mails keep the rest
// of the text, the link replaced by this marker.
const TOKEN_IN_LINK = "/i/[A-Za-z0-9_-]{43}";
export const LINK_REMOVED = "/i/[link-removed]";

/** `set()` values that blank every invitation link in an e-mail's bodies, in the database. */
export const withoutInvitationLinks = () => ({
  html: sql`regexp_replace(${emails.html}, ${TOKEN_IN_LINK}, ${LINK_REMOVED}, 'g')`,
  text: sql`regexp_replace(${emails.text}, ${TOKEN_IN_LINK}, ${LINK_REMOVED}, 'g')`,
});

import type { Metadata } from "next";
import { InvitationClosed } from "@/components/invitation/invitation-closed";
import { InvitationWelcome } from "@/components/invitation/invitation-welcome";
import { getDb } from "@/lib/db/client";
import { findInvitation } from "@/lib/interviews/invitation-link";

// Every visit reads the interview's current state: a link cancelled a second ago is dead now.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your interview",
  // The URL is a credential: keep it out of search engines and of other sites' Referer headers.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await findInvitation(await getDb(), token);
  if (view.state === "open") return <InvitationWelcome view={view} />;
  return <InvitationClosed reason={view.state} locale={view.state === "unknown" ? "en" : view.locale} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvitationClosed } from "@/components/invitation/invitation-closed";
import { InvitationWelcome } from "@/components/invitation/invitation-welcome";
import { getDb } from "@/lib/db/client";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { consentNotice, voiceAvailable } from "@/lib/invite";

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
  // An unknown link is a 404 whose page (not-found.tsx beside this file) names no interview.
  if (view.state === "unknown") notFound();
  if (view.state !== "open") return <InvitationClosed reason={view.state} locale={view.locale} />;
  return <InvitationWelcome token={token} view={view} notice={consentNotice(view)} voiceAvailable={voiceAvailable()} />;
}

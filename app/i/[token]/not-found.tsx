import { InvitationClosed } from "@/components/invitation/invitation-closed";

/** An unknown or malformed invitation link: HTTP 404, and nothing about any interview. */
export default function UnknownInvitation() {
  return <InvitationClosed reason="unknown" />;
}

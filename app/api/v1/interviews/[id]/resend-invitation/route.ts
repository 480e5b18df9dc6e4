import { idParams } from "@/lib/api/schemas/common";
import { resendInvitationBody } from "@/lib/api/schemas/interviews";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { resendInvitation } from "@/lib/interviews/resend-invitation";

export const POST = v1Route(
  { scope: "interviews:write", resource: "Interview", params: idParams("interview"), body: resendInvitationBody },
  async ({ db, ctx, params, body }) => json(await resendInvitation(db, ctx, params.id, body)),
);

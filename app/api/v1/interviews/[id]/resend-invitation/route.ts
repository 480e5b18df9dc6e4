import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/interviews/operations";
import { resendInvitation } from "@/lib/interviews/resend-invitation";

export const POST = v1Route(op.resendInvitation, async ({ db, ctx, params, body }) => json(await resendInvitation(db, ctx, params.id, body)));

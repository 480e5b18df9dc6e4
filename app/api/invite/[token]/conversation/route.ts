import { inviteRoute } from "@/lib/http/invite-route";
import { json } from "@/lib/http/json";
import * as op from "@/lib/invite/operations";
import { readConversation } from "@/lib/written-interview/conversation";

export const dynamic = "force-dynamic";

export const GET = inviteRoute(op.getConversation, async ({ db, ctx, target }) => json(await readConversation(db, ctx, target.interviewId)));

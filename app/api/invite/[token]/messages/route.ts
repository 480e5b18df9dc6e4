import { inviteRoute } from "@/lib/http/invite-route";
import { json } from "@/lib/http/json";
import { writtenInterviewer } from "@/lib/written-interview/interviewer";
import * as op from "@/lib/invite/operations";
import { sendWrittenMessage } from "@/lib/written-interview/message";

export const dynamic = "force-dynamic";

export const POST = inviteRoute(op.sendMessage, async ({ db, ctx, target, body }) => json(await sendWrittenMessage(db, ctx, target.interviewId, body, writtenInterviewer())));

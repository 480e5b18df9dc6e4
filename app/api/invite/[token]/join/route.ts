import { inviteRoute } from "@/lib/http/invite-route";
import { json } from "@/lib/http/json";
import { writtenInterviewer } from "@/lib/written-interview/interviewer";
import { joinInterview } from "@/lib/invite/join";
import * as op from "@/lib/invite/operations";

export const dynamic = "force-dynamic";

export const POST = inviteRoute(op.joinInterview, async ({ db, ctx, target, body }) => json(await joinInterview(db, ctx, target, body, () => writtenInterviewer())));

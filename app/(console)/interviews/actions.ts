"use server";

import { runAction } from "@/lib/console/action-result";
import { createInterviewFromConsole, newInterviewInput, searchCandidates } from "@/lib/console/new-interview";
import { requireActor, requireConsole } from "@/lib/console/session";
import { idOf } from "@/lib/api/schemas/common";
import { notFound } from "@/lib/errors";
import { cancelInterview } from "@/lib/interviews/cancel";
import { resendInvitation } from "@/lib/interviews/resend-invitation";
import { regenerateReport } from "@/lib/reports/regenerate";
import { recordDecisionBody } from "@/lib/api/schemas/decisions";
import { recordDecision } from "@/lib/decisions/record";
import { parseOr422, strictBody } from "@/lib/http/validate";

// Every action checks the session and the role on the server: a viewer's forged call is refused
// with 403 whatever the page showed.
const interviewId = (value: unknown) => {
  const parsed = idOf("interview").safeParse(value);
  if (!parsed.success) throw notFound("Interview");
  return parsed.data;
};

const RESEND_VALID_DAYS = 7;

export async function cancelInterviewAction(id: string) {
  return runAction("interview.cancel", async () => {
    const { db, ctx } = await requireActor();
    const interview = await cancelInterview(db, ctx, interviewId(id));
    return { status: interview.status };
  });
}

export async function resendInvitationAction(id: string) {
  return runAction("interview.resend", async () => {
    const { db, ctx } = await requireActor();
    // A resent link is good for the default week again, which also renews an expired one.
    const expiresAt = new Date(Date.now() + RESEND_VALID_DAYS * 24 * 3600 * 1000);
    const out = await resendInvitation(db, ctx, interviewId(id), { expiresAt });
    return { invitationUrl: out.invitationUrl, status: out.status };
  });
}

export async function regenerateReportAction(id: string) {
  return runAction("report.regenerate", async () => {
    const { db, ctx } = await requireActor();
    const { report } = await regenerateReport(db, ctx, interviewId(id));
    return { reportId: report.id, version: report.version };
  });
}

export async function recordDecisionAction(id: string, input: unknown) {
  return runAction("decision.record", async () => {
    const { db, ctx } = await requireActor();
    const body = parseOr422(strictBody(recordDecisionBody), input, "body");
    const decision = await recordDecision(db, ctx, interviewId(id), body);
    return { id: decision.id, outcome: decision.outcome };
  });
}

export async function createInterviewAction(input: unknown) {
  return runAction("interview.create", async () => {
    const { db, ctx } = await requireActor();
    const created = await createInterviewFromConsole(db, ctx, parseOr422(newInterviewInput, input, "body"));
    return { id: created.id, status: created.status, invitationUrl: created.invitationUrl, emailStatus: created.invitation.emailStatus };
  });
}

export async function searchCandidatesAction(q: string) {
  return runAction("candidate.search", async () => {
    const { db, ctx } = await requireConsole();
    return searchCandidates(db, ctx, typeof q === "string" ? q : "");
  });
}

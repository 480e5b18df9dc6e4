import { randomBytes } from "node:crypto";
import type { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { consentNotice } from "@/lib/invite/notice";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { POST as joinRoute } from "@/app/api/invite/[token]/join/route";
import { POST as messagesRoute } from "@/app/api/invite/[token]/messages/route";
import { GET as conversationRoute } from "@/app/api/invite/[token]/conversation/route";
import { call } from "./http";
import { insertInterview, interviewWorld } from "./interview-fixtures";
import type { ChatRequest, Reply } from "./openai-server";

// The candidate's endpoints called as Next calls them, each test from its own address (the
// per-address limit is shared by the whole file's database).

export const newAddress = () => `10.${[0, 0, 0].map(() => randomBytes(1)[0]).join(".")}`;

export function candidateClient(token: string, address = newAddress()) {
  const headers = { "x-forwarded-for": address };
  const params = { token };
  return {
    join: (body: unknown) => call(joinRoute, { method: "POST", path: `/api/invite/${token}/join`, params, headers, body }),
    message: (body: unknown) => call(messagesRoute, { method: "POST", path: `/api/invite/${token}/messages`, params, headers, body }),
    conversation: () => call(conversationRoute, { path: `/api/invite/${token}/conversation`, params, headers }),
  };
}

/** The version the page would show for this link. */
export async function noticeVersionOf(db: Db, token: string): Promise<string> {
  const view = await findInvitation(db, token);
  if (view.state !== "open") throw new Error(`link is ${view.state}`);
  return consentNotice(view).version;
}

/** An invited interview and a client for its link. */
export async function invitedInterview(db: Db, ctx: Ctx, over: Partial<typeof interviews.$inferInsert> = {}, candidate = {}) {
  const world = await interviewWorld(db, ctx, candidate);
  const { interview, token } = await insertInterview(db, ctx, world, over);
  return { interview, token, client: candidateClient(token) };
}

/** Joins in text mode with the current notice; the answer as the route gives it. */
export async function joinText(db: Db, token: string, client = candidateClient(token)) {
  return client.join({ consent: true, mode: "text", noticeVersion: await noticeVersionOf(db, token) });
}

/** The scripted interviewer (no model), or the model at the local server. */
export function useInterviewerModel(baseUrl: string | null): void {
  if (baseUrl) Object.assign(process.env, { OPENAI_API_KEY: "sk-test-local", OPENAI_BASE_URL: baseUrl });
  else {
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
  }
  resetEnvCache();
}

export const isInterviewerRequest = (req: ChatRequest) => req.response_format?.json_schema?.name === "interviewer_step";

/** A well-behaved interviewer model: rates every criterion 3, asks no follow-up. */
export function interviewerAnswer(over: Record<string, unknown> = {}): (req: ChatRequest) => Reply {
  return (req) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const schema = req.response_format?.json_schema?.schema as any;
    const keys: string[] = schema?.properties?.ratings?.items?.properties?.key?.enum ?? [];
    return { content: JSON.stringify({ intent: "answer", needsFollowUp: false, followUp: null, ratings: keys.map((key) => ({ key, score: 3, evidence: [] })), ...over }) };
  };
}

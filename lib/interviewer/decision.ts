import { normaliseForQuote } from "@/lib/reports/evidence";
import type { InterviewerConfig } from "./adapter";
import { followUpProblem } from "./conduct";
import { buildStepMessages, INTERVIEWER_PROMPT_VERSION, stepOutputSchema, type PromptContext } from "./prompt";
import type { Clock, EngineTurn, InterviewerModel } from "./types";

const MAX_QUOTES_PER_CRITERION = 2;
const MAX_QUOTE_CHARS = 300;

export type EvidenceQuote = { turnNumber: number; quote: string };

/** The model's answer once checked against the plan: what the engine may use of it. */
export type Decision = {
  intent: "answer" | "repeat" | "human" | "stop";
  /** A follow-up that passed the conduct checks, or null. */
  followUp: string | null;
  /** Why a proposed follow-up was refused, if it was. */
  refusedFollowUp: string | null;
  /** The rating to store on the candidate's turn (`criteria` is the shape reports read). */
  rating: { criteria: Record<string, number>; evidence: Record<string, EvidenceQuote[]>; rater: string; promptVersion: string };
};

export type ModelResult = { ok: true; decision: Decision } | { ok: false; reason: string };

/** One call, bounded by the clock: a late answer is dropped, never waited for. */
async function callWithin(model: InterviewerModel, ctx: PromptContext, clock: Clock, timeoutMs: number) {
  const schema = stepOutputSchema(ctx.config.criteria.map((c) => c.key));
  const controller = new AbortController();
  // Through a promise so that a model throwing at once is a failed call like any other.
  const call = new Promise<unknown>((resolve) => resolve(model.decide({ messages: buildStepMessages(ctx), schema }, controller.signal))).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const timer = clock.wait(timeoutMs, controller.signal).then(() => ({ timedOut: true as const }));
  try {
    return { schema, result: await Promise.race([call, timer]) };
  } finally {
    // Stops the timer, or the request if it is the one still running.
    controller.abort();
  }
}

/**
 * Keeps a quote only if it is a contiguous part of one of the candidate's reply turns (case and
 * whitespace aside, like the report's quote check), at most two per criterion.
 */
export function checkQuotes(quotes: readonly string[], reply: readonly EngineTurn[]): EvidenceQuote[] {
  const kept: EvidenceQuote[] = [];
  for (const raw of quotes) {
    const quote = raw.replace(/\s+/g, " ").trim();
    if (!quote || quote.length > MAX_QUOTE_CHARS) continue;
    const turn = reply.find((t) => normaliseForQuote(t.content).includes(normaliseForQuote(quote)));
    if (turn && !kept.some((k) => k.quote === quote)) kept.push({ turnNumber: turn.turnNumber, quote });
    if (kept.length === MAX_QUOTES_PER_CRITERION) break;
  }
  return kept;
}

/**
 * Asks the model about the candidate's reply and checks its answer: the schema, each rating's
 * criterion, each quote against the reply, the follow-up against the conduct rules. Invalid,
 * failed or late: `ok: false` with the reason, and the engine goes on with its script.
 */
export async function decideWithModel(
  model: InterviewerModel,
  ctx: PromptContext,
  options: { clock: Clock; timeoutMs: number; askedTexts: string[] },
): Promise<ModelResult> {
  const { schema, result } = await callWithin(model, ctx, options.clock, options.timeoutMs);
  if ("timedOut" in result) return { ok: false, reason: `no answer within ${options.timeoutMs} ms` };
  if ("error" in result) return { ok: false, reason: `model call failed: ${(result.error as Error)?.message ?? String(result.error)}` };
  const parsed = schema.safeParse(result.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return { ok: false, reason: `answer does not match the schema: ${issues.join("; ")}` };
  }
  const out = parsed.data;
  const criteria: Record<string, number> = {};
  const evidence: Record<string, EvidenceQuote[]> = {};
  for (const r of out.ratings) {
    if (!isCriterion(ctx.config, r.key) || r.key in criteria || r.score === null) continue;
    criteria[r.key] = r.score;
    const quotes = checkQuotes(r.evidence, ctx.reply);
    if (quotes.length) evidence[r.key] = quotes;
  }
  let followUp: string | null = null;
  let refusedFollowUp: string | null = null;
  if (out.needsFollowUp) {
    const problem = followUpProblem(out.followUp ?? "", options.askedTexts);
    if (problem) refusedFollowUp = problem;
    else followUp = out.followUp!.trim();
  }
  return {
    ok: true,
    decision: { intent: out.intent, followUp, refusedFollowUp, rating: { criteria, evidence, rater: model.name, promptVersion: INTERVIEWER_PROMPT_VERSION } },
  };
}

const isCriterion = (config: InterviewerConfig, key: string) => config.criteria.some((c) => c.key === key);

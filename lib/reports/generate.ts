import { and, eq, inArray, sql } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { reports, type Report } from "@/db/reports";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { env } from "../env";
import { log } from "../log";
import { emitWebhookEvent } from "../webhooks/emit";
import { assembleReport, type AssembledReport } from "./assemble";
import { HEURISTIC_MODEL, heuristicDraft } from "./heuristic";
import { loadReportInput } from "./input";
import { callReportModel, MalformedAnswerError, TransientModelError } from "./model";
import type { ReportOutput } from "./model-output";
import { PROMPT_VERSION, type ReportInput } from "./prompt";

export type GenerateOutcome =
  | { status: "READY" }
  | { status: "FAILED"; reason: string }
  /** Already finished (a duplicate or re-claimed job), or the report no longer exists. */
  | { status: "SKIPPED" };

/** Which run of the job this is, so the last one records the failure instead of retrying. */
export type Attempt = { attempt: number; maxAttempts: number; signal?: AbortSignal };

const UNFINISHED = ["PENDING", "GENERATING"] as const;

/** A malformed answer gets one more try at once; a second one fails the report. */
async function draftWithModel(input: ReportInput, signal?: AbortSignal): Promise<{ draft: ReportOutput; model: string }> {
  try {
    return await callReportModel(input, signal);
  } catch (err) {
    if (!(err instanceof MalformedAnswerError)) throw err;
    log.warn("report model answer malformed, asking again", { reason: err.message });
    return await callReportModel(input, signal);
  }
}

/**
 * Builds one report version: PENDING → GENERATING → READY or FAILED. The model is called
 * outside any transaction; the result is written in one update at the end, so a reader never
 * sees half a report. Transient model errors are thrown for the queue to retry with backoff,
 * except on the job's last attempt, which records the failure. Safe to run again: a finished
 * report is left alone, and only one run can move it out of PENDING/GENERATING.
 */
export async function generateReport(db: Db, ctx: Ctx, input: { reportId: string } & Attempt): Promise<GenerateOutcome> {
  const [report] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, input.reportId), inOrg(reports, ctx)));
  if (!report || report.status === "READY" || report.status === "FAILED") return { status: "SKIPPED" };
  await db
    .update(reports)
    .set({ status: "GENERATING" })
    .where(and(eq(reports.id, report.id), inOrg(reports, ctx), eq(reports.status, "PENDING")));

  const loaded = await loadReportInput(db, ctx, report.interviewId);
  if (!loaded) return { status: "SKIPPED" };

  let drafted: { draft: ReportOutput; model: string };
  try {
    drafted = env().OPENAI_API_KEY ? await draftWithModel(loaded.input, input.signal) : { draft: heuristicDraft(loaded.input), model: HEURISTIC_MODEL };
  } catch (err) {
    const reason = (err as Error).message || String(err);
    if (err instanceof TransientModelError && input.attempt < input.maxAttempts) throw err;
    const final = err instanceof TransientModelError ? `${reason} (gave up after ${input.attempt} attempts)` : reason;
    return (await finishFailed(db, ctx, report, final, loaded.config.version)) ? { status: "FAILED", reason: final } : { status: "SKIPPED" };
  }
  const assembled = assembleReport(drafted.draft, loaded.input, loaded.config.scoreBands);
  const written = await finishReady(db, ctx, report, assembled, { model: drafted.model, configVersion: loaded.config.version });
  return written ? { status: "READY" } : { status: "SKIPPED" };
}

const stillUnfinished = (ctx: Ctx, report: Pick<Report, "id">) =>
  and(eq(reports.id, report.id), inOrg(reports, ctx), inArray(reports.status, [...UNFINISHED]));

/** The one write of a finished report, the interview's pointer and the webhook, together. */
async function finishReady(db: Db, ctx: Ctx, report: Report, result: AssembledReport, meta: { model: string; configVersion: number }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const generatedAt = new Date();
    const updated = await tx
      .update(reports)
      .set({ ...result, status: "READY", model: meta.model, promptVersion: PROMPT_VERSION, configVersion: meta.configVersion, failureReason: null, generatedAt })
      .where(stillUnfinished(ctx, report))
      .returning({ id: reports.id });
    if (!updated.length) return false;
    // The interview shows its newest ready version: an older version finishing late (a slow
    // retry) must not take the pointer back from a newer one.
    await tx
      .update(interviews)
      .set({ reportId: report.id })
      .where(
        and(
          eq(interviews.id, report.interviewId),
          inOrg(interviews, ctx),
          sql`coalesce((select r.version from ${reports} r where r.id = ${interviews.reportId}), 0) < ${report.version}`,
        ),
      );
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "report.ready",
      data: { reportId: report.id, interviewId: report.interviewId, version: report.version, status: "READY", generatedAt: generatedAt.toISOString() },
    });
    return true;
  });
}

/** FAILED with the reason, and the report.failed webhook; false if the report was already finished. */
export async function finishFailed(
  db: Db,
  ctx: Ctx,
  report: Pick<Report, "id" | "interviewId" | "version">,
  reason: string,
  configVersion: number | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const failedAt = new Date();
    const updated = await tx
      .update(reports)
      .set({ status: "FAILED", failureReason: reason.slice(0, 1000), promptVersion: PROMPT_VERSION, configVersion, model: env().OPENAI_MODEL })
      .where(stillUnfinished(ctx, report))
      .returning({ id: reports.id });
    if (!updated.length) return false;
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "report.failed",
      data: { reportId: report.id, interviewId: report.interviewId, version: report.version, status: "FAILED", failedAt: failedAt.toISOString() },
    });
    return true;
  });
}

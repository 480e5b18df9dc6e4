import { z } from "zod";
import { interviewStatus as interviewStatusEnum } from "@/db/interviews";
import { reportStatus } from "@/db/reports";
import { env } from "@/lib/env";
import { interviewConfigContentSchema } from "@/lib/interview-configs/schema";
import { idOf, isoInput, timestamp } from "./common";
import { transcriptTurnSchema } from "./interviews";

// Requests and responses of the voice agent's endpoints (/api/interviews/:id/…). Not part of
// the public v1 API: the agent authenticates with its own credential, never an API key.

export const MAX_EVALUATION_BYTES = 64 * 1024;
export const MAX_TURN_CONTENT = 100_000;

/**
 * Where recordings may live. The server never fetches these URLs, but the console links to them,
 * so plain http is refused unless the host is one of AUDIO_STORAGE_HOSTS (in-cluster storage).
 * The 2,048-character bound applies to the URL as sent.
 */
export const audioUrl = z
  .string()
  .max(2048)
  .refine(
    (v) => {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        return false;
      }
      if (url.username || url.password) return false;
      if (url.protocol === "https:") return true;
      return url.protocol === "http:" && env().AUDIO_STORAGE_HOSTS.includes(url.hostname.toLowerCase());
    },
    { message: "must be an https URL (or http on a host listed in AUDIO_STORAGE_HOSTS), without credentials" },
  )
  // Stored as the URL parser reads it (host lower-cased, default port dropped, spaces and the
  // like percent-encoded): what was checked is what the console later links to.
  .transform((v) => new URL(v).href);

export const evaluation = z
  .record(z.string(), z.unknown())
  .refine((v) => Buffer.byteLength(JSON.stringify(v), "utf8") <= MAX_EVALUATION_BYTES, {
    message: `must be at most ${MAX_EVALUATION_BYTES} bytes once serialised`,
  });

export const turnRole = z.enum(["agent", "candidate"]);

export const interviewIdParams = z.object({ id: idOf("interview") });
export const turnParams = z.object({
  id: idOf("interview"),
  turnNumber: z.string().regex(/^[1-9][0-9]{0,8}$/).transform(Number),
});

export const createTurnBody = z.strictObject({
  turnNumber: z.number().int().min(1).max(999_999_999),
  role: turnRole,
  content: z.string().max(MAX_TURN_CONTENT).default(""),
  audioUrl: audioUrl.nullish().transform((v) => v ?? null),
  isPendingQuestion: z.boolean().default(false),
  evaluation: evaluation.nullish().transform((v) => v ?? null),
});
export type CreateTurnInput = z.output<typeof createTurnBody>;

export const updateTurnBody = z
  .strictObject({
    content: z.string().max(MAX_TURN_CONTENT).optional(),
    audioUrl: audioUrl.nullable().optional(),
    evaluation: evaluation.nullable().optional(),
    // Not in the original contract, but a restarted agent needs to clear a question it has since had answered.
    isPendingQuestion: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "send at least one of content, audioUrl, evaluation, isPendingQuestion" });
export type UpdateTurnInput = z.output<typeof updateTurnBody>;

export const finalizeBody = z.strictObject({
  endedAt: isoInput.optional(),
  audioUrl: audioUrl.optional(),
  generateReport: z.boolean().optional(),
  humanRequested: z
    .boolean()
    .optional()
    .describe("The candidate asked for a person (or to stop): flags the interview for recruiters and emits `interview.human_requested`."),
});
export type FinalizeInput = z.output<typeof finalizeBody>;

/** The public transcript's turn, plus what the agent and the live stream need. */
export const turn = transcriptTurnSchema.extend({
  id: z.string(),
  interviewId: z.string(),
  /** The live stream's event id for this version of the turn (microseconds of updatedAt, as text). */
  eventId: z.string(),
});
export type TurnOut = z.output<typeof turn>;

const interviewStatus = z.enum(interviewStatusEnum.enumValues);

export const history = z.object({
  interviewId: z.string(),
  status: interviewStatus,
  roomName: z.string(),
  candidate: z.object({ firstName: z.string(), locale: z.string() }),
  job: z.object({ title: z.string(), description: z.string().nullable() }),
  config: interviewConfigContentSchema
    .pick({ language: true, intro: true, questions: true, criteria: true, maxDurationMinutes: true })
    .extend({ version: z.number().int() }),
  startedAt: timestamp.nullable(),
  elapsedSeconds: z.number().int(),
  remainingSeconds: z.number().int(),
  turns: z.array(turn),
  nextTurnNumber: z.number().int(),
  pendingQuestion: turn.nullable(),
  askedQuestionIds: z.array(z.string()),
});
export type HistoryOut = z.output<typeof history>;

export const finalizeResult = z.object({
  id: z.string(),
  status: interviewStatus,
  endedAt: timestamp.nullable(),
  audioUrl: z.string().nullable(),
  reportId: z.string().nullable(),
  reportStatus: z.enum(reportStatus.enumValues).nullable(),
});
export type FinalizeOut = z.output<typeof finalizeResult>;

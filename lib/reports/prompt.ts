import type { Criterion } from "@/lib/interview-configs/schema";
import type { TranscriptTurn } from "./evidence";

/** Stored on every report; bump it whenever the wording or the input layout below changes. */
export const PROMPT_VERSION = "report-v1";

/**
 * Ends every summary, model or heuristic: the report supports a decision, it does not make
 * one (hiring is high-risk under the EU AI Act; a person must decide).
 */
export const ADVISORY_NOTICE =
  "This report is advisory: it was generated automatically from the transcript, and a person on the hiring team makes the decision.";

export type ReportInput = {
  job: { title: string; description: string | null };
  language: string;
  criteria: Criterion[];
  transcript: TranscriptTurn[];
  /** What the interview agent noted after each candidate turn, as it sent it. */
  evaluations: { turnNumber: number; evaluation: Record<string, unknown> }[];
};

const SYSTEM_PROMPT = `You write the evaluation report of a job interview for the hiring team. You assist a person; you do not decide.

Judge ONLY the content of what the candidate said in the transcript: the facts, examples, reasoning and answers in the candidate's turns.
Never judge or mention voice, accent, pronunciation, fluency, speaking speed, filler words, hesitations, grammar of spoken language, tone, emotions or mood, and never infer or use age, gender, ethnicity, nationality, religion, disability, health, pregnancy, sexual orientation, family situation or any other personal or protected characteristic. If the candidate mentions such a characteristic, ignore it.
The interviewer's turns give context only; never credit or blame the candidate for them.
The agent's per-turn notes are hints; the transcript is the evidence. Where they disagree, follow the transcript.

For each criterion: give a score from 1 to 5 following its anchors (use the anchors as fixed points and interpolate between them), or null when the transcript holds too little to judge it; explain the score in one or two sentences in the rationale; give up to three evidence quotes.
Every evidence quote must be copied word for word from ONE candidate turn (a contiguous part of it, no ellipses, no paraphrase) together with that turn's number. Quotes that are not found verbatim in the candidate turn are discarded.
Do not compute an overall score or a hiring recommendation.
Write the summary, strengths, concerns and rationales in the interview language given below.`;

/** The chat messages for one report: fixed rules, then the interview as JSON. */
export function buildReportMessages(input: ReportInput): { role: "system" | "user"; content: string }[] {
  const payload = {
    job: input.job,
    interviewLanguage: input.language,
    criteria: input.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, anchors: c.anchors })),
    agentNotesPerTurn: input.evaluations,
    transcript: input.transcript.map((t) => ({ turn: t.turnNumber, role: t.role, text: t.content })),
  };
  return [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: `The interview, as JSON:\n${JSON.stringify(payload, null, 1)}` },
  ];
}

import type { EngineTurn, Step } from "./types";

export type TurnUpdate = { turnNumber: number; body: { evaluation?: Record<string, unknown>; isPendingQuestion?: boolean } };
export type TurnCreate = { turnNumber: number; role: "agent"; content: string; isPendingQuestion: boolean; evaluation: Record<string, unknown> };

/**
 * A step as the turn writes both transports make (the agent endpoints' POST and PATCH bodies,
 * or the same domain functions in-process): first the updates (the rating on the candidate's
 * turn, merged into what it already carries; the answered question's flag cleared), then one
 * new agent turn per action, numbered after the highest turn so far. Writing them in this
 * order means a crash at any point leaves a history the engine resumes from.
 */
export function turnWrites(step: Step, turns: readonly EngineTurn[]): { updates: TurnUpdate[]; creates: TurnCreate[] } {
  const updates: TurnUpdate[] = [];
  if (step.answer) {
    const current = turns.find((t) => t.turnNumber === step.answer!.turnNumber)?.evaluation ?? {};
    updates.push({ turnNumber: step.answer.turnNumber, body: { evaluation: { ...current, ...step.answer.evaluation } } });
  }
  if (step.answeredTurnNumber !== null) updates.push({ turnNumber: step.answeredTurnNumber, body: { isPendingQuestion: false } });
  const next = turns.reduce((max, t) => Math.max(max, t.turnNumber), 0) + 1;
  const creates = step.actions.map((a, i) => ({
    turnNumber: next + i,
    role: "agent" as const,
    content: a.say,
    isPendingQuestion: a.isPendingQuestion,
    evaluation: a.evaluation,
  }));
  return { updates, creates };
}

import type { Interviewer } from "./index";
import type { EngineInput, EngineTurn, Outcome, Step } from "./types";
import { turnWrites, type TurnCreate, type TurnUpdate } from "./writes";

/**
 * How a transport reads and writes one interview. The written interview implements it with
 * the domain functions in-process; the voice agent with the agent endpoints over HTTP. Both
 * then share `advance`, so the order of writes (and so crash safety) is the same everywhere.
 */
export type InterviewPort = {
  /** The engine's input, read fresh: the turns as they are now. */
  read(): Promise<EngineInput>;
  updateTurn(update: TurnUpdate): Promise<void>;
  /** Records one agent turn; answers it as stored. */
  createTurn(create: TurnCreate): Promise<EngineTurn>;
  /** Closes the interview (COMPLETED, report queued); `outcome` says why it ended. */
  finalize(outcome: Outcome): Promise<void>;
};

export type Advanced = { step: Step; created: EngineTurn[]; input: EngineInput };

/**
 * One move of the interviewer: read the history, ask the engine, write its step (updates
 * first, then the new agent turns), and finalize when the step ends the interview. Calls for
 * one interview must not overlap (the caller holds a lock or runs one loop per interview).
 * `resume`: the transport has just (re)started or the candidate reconnected.
 */
export async function advance(interviewer: Interviewer, port: InterviewPort, how: { resume?: boolean } = {}): Promise<Advanced> {
  const input = await port.read();
  const step = await interviewer.next(input, how);
  const { updates, creates } = turnWrites(step, input.turns);
  for (const update of updates) await port.updateTurn(update);
  const created: EngineTurn[] = [];
  for (const create of creates) created.push(await port.createTurn(create));
  if (step.done) await port.finalize(step.outcome ?? "completed");
  return { step, created, input };
}

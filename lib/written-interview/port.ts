import { finalizeInterview } from "@/lib/agent/finalize";
import { getAgentHistory } from "@/lib/agent/history";
import type { HistoryOut, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { inputFromHistory } from "@/lib/interviewer";
import type { InterviewPort } from "@/lib/interviewer/driver";
import { recordTurn } from "@/lib/turns/record";
import { updateTurn } from "@/lib/turns/update";

/** What a move read and wrote, so the answer to the candidate needs no further read. */
export type PortLog = { history: HistoryOut | null; created: TurnOut[]; finalized: boolean };

/**
 * The written interview's side of the driver: the same domain functions the agent endpoints
 * call (history, turn record and update, finalize), in-process. So a written interview numbers
 * its turns, starts, streams live to the console and finalizes exactly as a spoken one does.
 */
export function inProcessPort(db: Db, ctx: Ctx, interviewId: string): InterviewPort & { log: PortLog } {
  const log: PortLog = { history: null, created: [], finalized: false };
  return {
    log,
    read: async () => {
      log.history = await getAgentHistory(db, ctx, interviewId);
      return inputFromHistory(log.history);
    },
    updateTurn: async ({ turnNumber, body }) => {
      await updateTurn(db, ctx, interviewId, turnNumber, body);
    },
    createTurn: async (create) => {
      const { turn } = await recordTurn(db, ctx, interviewId, { ...create, audioUrl: null });
      log.created.push(turn);
      return { turnNumber: turn.turnNumber, role: turn.role, content: turn.content, isPendingQuestion: turn.isPendingQuestion, evaluation: turn.evaluation };
    },
    finalize: async (outcome) => {
      await finalizeInterview(db, ctx, interviewId, { humanRequested: outcome === "humanRequested" });
      log.finalized = true;
    },
  };
}

import type { CreateTurnInput } from "@/lib/api/schemas/agent";
import { canonicalJson } from "../canonical-json";
import type { TurnRow } from "./columns";

// jsonb reorders keys, so the stored evaluation is compared by value, not by text.
/** Whether a POST of this turn is a retry of the stored one (and so answered with it, not a conflict). */
export function isSameTurn(stored: TurnRow, input: CreateTurnInput): boolean {
  return (
    stored.role === input.role &&
    stored.content === input.content &&
    stored.audioUrl === input.audioUrl &&
    stored.isPendingQuestion === input.isPendingQuestion &&
    canonicalJson(stored.evaluation ?? null) === canonicalJson(input.evaluation ?? null)
  );
}

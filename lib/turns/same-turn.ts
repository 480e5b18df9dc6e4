import type { CreateTurnInput } from "@/lib/api/schemas/agent";
import type { TurnRow } from "./columns";

// jsonb reorders keys, so the stored evaluation is compared by value, not by text.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether a POST of this turn is a retry of the stored one (and so answered with it, not a conflict). */
export function isSameTurn(stored: TurnRow, input: CreateTurnInput): boolean {
  return (
    stored.role === input.role &&
    stored.content === input.content &&
    stored.audioUrl === input.audioUrl &&
    stored.isPendingQuestion === input.isPendingQuestion &&
    canonical(stored.evaluation ?? null) === canonical(input.evaluation)
  );
}

import type { ActionError } from "./action-result";

// Apart from action-result.ts, which logs on the server: client forms import this.

/** A refused action's field errors by field, for a form to show each beside its field. */
export const fieldMessages = (error: ActionError): Record<string, string> => Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message]));

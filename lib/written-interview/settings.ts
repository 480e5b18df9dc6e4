import { env } from "@/lib/env";

/**
 * How long a reply may hold its interview: the model's timeout (after which the engine goes on
 * with its script) plus room for the writes. A lease older than this belonged to a process
 * that died; the next message takes it over.
 */
export const replyLeaseMs = () => env().INTERVIEWER_MODEL_TIMEOUT_MS + 30_000;

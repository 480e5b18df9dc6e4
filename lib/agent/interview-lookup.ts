import { eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";

export type AgentInterviewRef = { id: string; organizationId: string; roomName: string };

// The agent's credential is not tied to an organisation: the interview it names decides which
// organisation the request acts in. This is the one query not filtered by organisation, and it
// reads only the two columns that never change after creation, so they are kept in a small
// per-process cache (the turn write path runs several times a second per interview). Domain
// functions still re-read the interview filtered by that organisation.
const CACHE_LIMIT = 10_000;
const cache = new Map<string, AgentInterviewRef>();

export async function findInterviewForAgent(db: Db, interviewId: string): Promise<AgentInterviewRef> {
  const hit = cache.get(interviewId);
  if (hit) return hit;
  const [row] = await db
    .select({ id: interviews.id, organizationId: interviews.organizationId, roomName: interviews.roomName })
    .from(interviews)
    .where(eq(interviews.id, interviewId));
  if (!row) throw notFound("Interview");
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(interviewId, row);
  return row;
}

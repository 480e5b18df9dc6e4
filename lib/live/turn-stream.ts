import { and, eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { invalidField, notFound } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { publicTurn } from "@/lib/turns/columns";
import { turnsChangedSince } from "@/lib/turns/list";
import { subscribeToTurns } from "./hub";

export const HEARTBEAT_MS = 15_000;
/**
 * Re-read on this timer too: a writer that has not yet learnt that someone watches (it checks
 * at most every WATCHING_CACHE_MS) skips its NOTIFY, and a crash can lose one; neither may
 * delay a turn by more than this.
 */
export const CATCH_UP_MS = 2_000;
const RETRY_MS = 2_000;

const MAX_EVENT_ID = 2n ** 63n - 1n;

/**
 * `Last-Event-ID` is a turn's event id (microseconds, a bigint); absent or empty, the stream
 * starts from the beginning. Anything else is a 422 naming the header: no id this stream sent
 * looks like it, and a number beyond bigint would fail in the database instead.
 */
export function parseLastEventId(value: string | null | undefined): bigint {
  const text = value?.trim() ?? "";
  if (text === "") return 0n;
  const id = /^[0-9]{1,19}$/.test(text) ? BigInt(text) : -1n;
  if (id < 0n || id > MAX_EVENT_ID) throw invalidField("Last-Event-ID", "must be an event id this stream sent (a whole number up to 2^63 - 1)", "header");
  return id;
}

/**
 * A Server-Sent Events stream of an interview's turns: every turn changed after `lastEventId`
 * from the database, then each change as it commits. Notifications only say "something changed";
 * the stream always reads from its own cursor, so a missed or duplicated notification, or a
 * reconnect, can neither lose nor repeat a turn. A short timer also re-reads (CATCH_UP_MS), which
 * heals a skipped or lost notification and a gap while the LISTEN connection was reconnecting.
 */
export async function openTurnStream(
  db: Db,
  ctx: Ctx,
  input: { interviewId: string; lastEventId: bigint; signal: AbortSignal; heartbeatMs?: number; catchUpMs?: number },
): Promise<ReadableStream<Uint8Array>> {
  const [exists] = await db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.id, input.interviewId), inOrg(interviews, ctx)));
  if (!exists) throw notFound("Interview");

  const encoder = new TextEncoder();
  let cursor = input.lastEventId;
  let closed = false;
  let reading = false;
  let again = false;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        clearInterval(heartbeat);
        clearInterval(poll);
        input.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      // One read at a time; a change arriving during a read makes it read once more.
      const catchUp = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            for (const row of await turnsChangedSince(db, ctx, input.interviewId, cursor)) {
              if (closed) return;
              send(`id: ${row.eventId}\nevent: turn\ndata: ${JSON.stringify(publicTurn(row))}\n\n`);
              cursor = BigInt(row.eventId);
            }
          } while (again && !closed);
        } catch (err) {
          log.warn("live stream read failed", { interviewId: input.interviewId, ...errorFields(err) });
        } finally {
          reading = false;
        }
      };

      if (input.signal.aborted) return close();
      input.signal.addEventListener("abort", close);
      // Subscribe before the first read: a turn committed in between is then read, not lost.
      unsubscribe = await subscribeToTurns(input.interviewId, (change) => {
        if (BigInt(change.eventId) > cursor) void catchUp();
      });
      if (closed) return unsubscribe();
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      heartbeat = setInterval(() => {
        send(`: heartbeat\n\n`);
        void catchUp();
      }, input.heartbeatMs ?? HEARTBEAT_MS);
      poll = setInterval(() => void catchUp(), input.catchUpMs ?? CATCH_UP_MS);
      await catchUp();
    },
    cancel() {
      closed = true;
      unsubscribe?.();
      clearInterval(heartbeat);
      clearInterval(poll);
    },
  });
}

import { consoleRoute } from "@/lib/http/console-route";
import * as op from "@/lib/live/operations";
import { openTurnStream, parseLastEventId } from "@/lib/live/turn-stream";

export const dynamic = "force-dynamic";

// Recruiters follow the transcript live; EventSource resends Last-Event-ID after a reconnect.
export const GET = consoleRoute(op.streamTurns, async ({ req, db, ctx, params, untilSessionEnds }) => {
  const stream = await openTurnStream(db, ctx, {
    interviewId: params.id,
    lastEventId: parseLastEventId(req.headers.get("last-event-id")),
    // Signing out or losing the membership ends an open stream too, not only the next request.
    signal: await untilSessionEnds(),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Proxies (nginx) must not buffer a stream.
      "X-Accel-Buffering": "no",
    },
  });
});

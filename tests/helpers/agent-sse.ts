// Reads a text/event-stream body as events, for the live transcript tests and the benchmark.
export type SseEvent = { id?: string; event: string; data: string };

export class SseReader {
  private reader: ReadableStreamDefaultReader<Uint8Array>;
  /** A read still waiting for its chunk: kept across a timeout, so that chunk is not lost. */
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  private buffer = "";
  private queue: SseEvent[] = [];
  private decoder = new TextDecoder();
  comments = 0;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event (comments are counted, not returned); rejects after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const queued = this.queue.shift();
      if (queued) return queued;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no SSE event in time");
      let timer: ReturnType<typeof setTimeout> | undefined;
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([
        this.pending,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no SSE event in time")), left))),
      ]).finally(() => clearTimeout(timer));
      this.pending = undefined;
      if (chunk.done) throw new Error("SSE stream ended");
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.parse();
    }
  }

  /** Events until `count` turn events arrived. */
  async turns(count: number, timeoutMs = 5000) {
    const out: { id: string; turn: { turnNumber: number; content: string; eventId: string } }[] = [];
    while (out.length < count) {
      const e = await this.next(timeoutMs);
      if (e.event === "turn") out.push({ id: e.id!, turn: JSON.parse(e.data) });
    }
    return out;
  }

  async cancel() {
    await this.reader.cancel().catch(() => {});
  }

  private parse() {
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { event: "message", data: "" };
      let hasData = false;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) this.comments++;
        else if (line.startsWith("id: ")) event.id = line.slice(4);
        else if (line.startsWith("event: ")) event.event = line.slice(7);
        else if (line.startsWith("data: ")) {
          event.data += (hasData ? "\n" : "") + line.slice(6);
          hasData = true;
        }
      }
      if (hasData) this.queue.push(event);
    }
  }
}

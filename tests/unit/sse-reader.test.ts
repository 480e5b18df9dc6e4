import { describe, expect, it } from "vitest";
import { SseReader } from "../helpers/agent-sse";

// The live-transcript tests read SSE through this helper; a reader that lost data after a
// timeout would make them fail for the wrong reason, or pass a missing event as a late one.
describe("SseReader", () => {
  it("keeps the read that timed out: the chunk arriving afterwards is the next event", async () => {
    let push!: (text: string) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const sse = new SseReader(body);
    await expect(sse.next(20)).rejects.toThrow("no SSE event in time");
    push("id: 1\nevent: turn\ndata: {}\n\n");
    await expect(sse.next(5_000)).resolves.toEqual({ id: "1", event: "turn", data: "{}" });
  });
});

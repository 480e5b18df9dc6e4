import http from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver on 127.0.0.1: records what Parley sends (headers and the exact body, for
// signature checks) and answers with scripted statuses (then 200).

export type ReceivedWebhook = { headers: Record<string, string>; body: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order; 200 after them. */
  answer: (...statuses: number[]) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(options: { delayMs?: number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (d) => (body += d));
    req.on("end", async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      received.push({ headers, body });
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      // Closed after each answer: a pooled keep-alive connection this server times out can meet
      // the next delivery on a busy machine (see openai-server.ts).
      res.writeHead(statuses.shift() ?? 200, { "content-type": "text/plain", connection: "close" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (...s) => statuses.push(...s),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

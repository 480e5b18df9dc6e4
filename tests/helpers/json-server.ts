import http from "node:http";
import type { AddressInfo } from "node:net";

// The base of the fake services tests point real SDKs at (openai-server.ts, livekit-server.ts):
// a server on 127.0.0.1 that hands each request's whole body to a handler and answers JSON.
//
// Every answer closes its connection. Kept alive, an idle connection is closed by this server
// after its keep-alive timeout (5 s) while the client's pool may pick that very connection for
// the next request: on a busy machine the two meet and the request fails with "Connection
// error" (a transient error to the SDK), which made tests fail now and then.

export type SendJson = (status: number, payload: unknown) => void;
export type JsonHandler = (req: http.IncomingMessage, raw: string, send: SendJson) => unknown;

export async function startJsonServer(handle: JsonHandler): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const send: SendJson = (status, payload) => {
        res.writeHead(status, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify(payload));
      };
      void handle(req, raw, send);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The agent endpoints and the live stream served over node:http by calling the exported route
// handlers, as Next would: in a child process (agent-server.ts) or inside a test file, where the
// handlers use the file's own database (PGlite included).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as events } from "@/app/api/interviews/[id]/events/route";
import { POST as finalize } from "@/app/api/interviews/[id]/finalize/route";
import { GET as history } from "@/app/api/interviews/[id]/history/route";
import { PATCH as patchTurn } from "@/app/api/interviews/[id]/turns/[turnNumber]/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import { GET as ping } from "@/app/api/%5Fbench/ping/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: "POST", pattern: /^\/api\/interviews\/(?<id>[^/]+)\/turns$/, handler: postTurn },
  { method: "PATCH", pattern: /^\/api\/interviews\/(?<id>[^/]+)\/turns\/(?<turnNumber>[^/]+)$/, handler: patchTurn },
  { method: "GET", pattern: /^\/api\/interviews\/(?<id>[^/]+)\/history$/, handler: history },
  { method: "POST", pattern: /^\/api\/interviews\/(?<id>[^/]+)\/finalize$/, handler: finalize },
  { method: "GET", pattern: /^\/api\/interviews\/(?<id>[^/]+)\/events$/, handler: events },
  { method: "GET", pattern: /^\/api\/_bench\/ping$/, handler: ping },
];

export function createAgentHttpServer(): http.Server {
  const server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const match = routes.map((r) => ({ r, m: incoming.method === r.method ? r.pattern.exec(url.pathname) : null })).find((x) => x.m);
    if (!match) {
      outgoing.writeHead(404).end();
      return;
    }
    const abort = new AbortController();
    outgoing.on("close", () => abort.abort());
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(incoming.headers)) if (typeof v === "string") headers.set(k, v);
    const req = new Request(url, {
      method: incoming.method,
      headers,
      body: chunks.length && incoming.method !== "GET" ? Buffer.concat(chunks) : undefined,
      signal: abort.signal,
    });
    const res = await match.r.handler(req, { params: Promise.resolve({ ...match.m!.groups }) });
    outgoing.writeHead(res.status, Object.fromEntries(res.headers));
    if (!res.body) return void outgoing.end();
    outgoing.flushHeaders();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) outgoing.write(chunk);
    } catch {
      // The client went away mid-stream.
    }
    outgoing.end();
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

/** Listens on a free port of 127.0.0.1; answers the base URL and a close function. */
export async function listenAgentHttp(server = createAgentHttpServer()): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

import { type ClaimGrants, TokenVerifier } from "livekit-server-sdk";
import { startJsonServer } from "./json-server";

// A small server on 127.0.0.1 that speaks the part of LiveKit's server API Parley calls, as
// livekit-server-sdk sends it (node_modules/livekit-server-sdk/dist/TwirpRPC.js): Twirp over
// HTTP, `POST /twirp/livekit.<Service>/<Method>` with a JSON body in protobuf's JSON names and
// `Authorization: Bearer <JWT>` signed with the API secret; errors are JSON `{ code, msg }`.
// It keeps rooms and dispatches in memory, so a rejoin sees what the first join created.
// Every answer closes its connection (see json-server.ts for why).

export type TwirpRequest = { service: string; method: string; body: Record<string, unknown>; claims: ClaimGrants };

type Dispatch = { id: string; agentName: string; room: string; metadata: string; state: { createdAt: string } };

export type LiveKitServer = {
  /** For LIVEKIT_URL (http, as a self-hosted LiveKit's API is often reached). */
  url: string;
  /** Requests whose token verified, in order. */
  requests: TwirpRequest[];
  /** Requests refused for their token: none is expected from Parley. */
  refused: { path: string; reason: string }[];
  calls: (method: string) => TwirpRequest[];
  dispatches: (room: string) => Dispatch[];
  /** Answers every request with this HTTP status (a LiveKit outage) until called with null. */
  failWith: (status: number | null) => void;
  /** The next CreateDispatch for this room meets one made an instant before (another process's). */
  raceNextDispatch: (room: string, agentName: string) => void;
  close: () => Promise<void>;
};

/** The grant each method requires, as LiveKit checks it. */
const REQUIRED: Record<string, (c: ClaimGrants, body: Record<string, unknown>) => boolean> = {
  "RoomService/CreateRoom": (c) => c.video?.roomCreate === true,
  "AgentDispatchService/CreateDispatch": (c, b) => c.video?.roomAdmin === true && c.video.room === b.room,
  "AgentDispatchService/ListDispatch": (c, b) => c.video?.roomAdmin === true && c.video.room === b.room,
  "AgentDispatchService/DeleteDispatch": (c, b) => c.video?.roomAdmin === true && c.video.room === b.room,
};

export async function startLiveKitServer(credentials: { key: string; secret: string }): Promise<LiveKitServer> {
  const verifier = new TokenVerifier(credentials.key, credentials.secret);
  const requests: TwirpRequest[] = [];
  const refused: LiveKitServer["refused"] = [];
  const rooms = new Map<string, Record<string, unknown>>();
  const dispatches = new Map<string, Dispatch[]>();
  let failure: number | null = null;
  let sequence = 0;
  const races = new Map<string, string>();
  const newDispatch = (room: string, agentName: string, metadata: string): Dispatch => ({
    id: `AD_${String(++sequence).padStart(6, "0")}`,
    agentName,
    room,
    metadata,
    state: { createdAt: String(BigInt(Date.now()) * BigInt(1_000_000) + BigInt(sequence)) },
  });

  const server = await startJsonServer(async (req, raw, send) => {
    const twirpError = (status: number, code: string, msg: string) => send(status, { code, msg });
    if (failure !== null) return twirpError(failure, "unavailable", "LiveKit is having a bad day");
    const match = /^\/twirp\/livekit\.(\w+)\/(\w+)$/.exec(req.url ?? "");
    const route = match ? `${match[1]}/${match[2]}` : "";
    if (req.method !== "POST" || !REQUIRED[route]) return twirpError(404, "bad_route", `no handler for ${req.url}`);
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    let claims: ClaimGrants;
    try {
      claims = await verifier.verify((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    } catch (err) {
      refused.push({ path: req.url!, reason: (err as Error).message });
      return twirpError(401, "unauthenticated", "invalid token");
    }
    if (!REQUIRED[route]!(claims, body)) {
      refused.push({ path: req.url!, reason: "missing grant" });
      return twirpError(403, "permission_denied", "permissions denied");
    }
    requests.push({ service: match![1]!, method: match![2]!, body, claims });
    const room = String(body.room ?? "");
    switch (route) {
      case "RoomService/CreateRoom": {
        const name = String(body.name);
        // LiveKit answers the existing room to a second CreateRoom of the same name.
        if (!rooms.has(name)) rooms.set(name, { sid: `RM_${++sequence}`, ...body, creationTime: String(Math.floor(Date.now() / 1000)) });
        return send(200, rooms.get(name));
      }
      case "AgentDispatchService/CreateDispatch": {
        const rival = races.get(room);
        races.delete(room);
        const made = rival ? [newDispatch(room, rival, String(body.metadata ?? ""))] : [];
        const dispatch = newDispatch(room, String(body.agentName ?? ""), String(body.metadata ?? ""));
        dispatches.set(room, [...(dispatches.get(room) ?? []), ...made, dispatch]);
        return send(200, dispatch);
      }
      case "AgentDispatchService/ListDispatch":
        return send(200, { agentDispatches: dispatches.get(room) ?? [] });
      case "AgentDispatchService/DeleteDispatch": {
        const list = dispatches.get(room) ?? [];
        const gone = list.find((d) => d.id === body.dispatchId);
        if (!gone) return twirpError(404, "not_found", "dispatch not found");
        dispatches.set(room, list.filter((d) => d !== gone));
        return send(200, gone);
      }
    }
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    refused,
    calls: (method) => requests.filter((r) => r.method === method),
    dispatches: (room) => dispatches.get(room) ?? [],
    failWith: (status) => void (failure = status),
    raceNextDispatch: (room, agentName) => void races.set(room, agentName),
    close: server.close,
  };
}

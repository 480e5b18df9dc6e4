import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { candidateCtx, openTarget, type OpenTarget } from "@/lib/invite/target";
import { hitInviteLimits } from "@/lib/rate-limit/invite";
import { clientAddress } from "./client-ip";
import { jsonBody, pathParams, type Out, type Schema } from "./input";
import { operationRoute, type RequestMeta } from "./route";

/** What this wrapper reads from an operation (lib/invite/operations.ts). */
export type InviteOperation<B> = { auth: "invitation"; params?: Schema; resource?: string; body?: B };

export type InviteArgs<B> = { req: Request; meta: RequestMeta; db: Db; ctx: Ctx; target: OpenTarget; body: Out<B> };

/** On every answer of the candidate's endpoints, errors included: the URL is a credential. */
export const CANDIDATE_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } as const;

/**
 * The candidate's wrapper, serving one operation: its headers on every answer → rate limits
 * (per address, then per link) → the link's interview (404 unknown, 410 over) → body → handler.
 * The token is the credential; there is no session.
 */
export function inviteRoute<B extends Schema | undefined = undefined>(operation: InviteOperation<B>, handler: (args: InviteArgs<B>) => Promise<Response>) {
  return operationRoute<InviteOperation<Schema | undefined>>(operation, async (req, meta, rawParams) => {
    for (const [name, value] of Object.entries(CANDIDATE_HEADERS)) meta.headers.set(name, value);
    const db = await getDb();
    await hitInviteLimits(db, { token: rawParams.token ?? "", address: clientAddress(req.headers) });
    const { token } = pathParams(operation, rawParams) as { token: string };
    const target = await openTarget(db, token);
    const { body } = await jsonBody(operation, req);
    return handler({ req, meta, db, ctx: candidateCtx(target, meta.requestId), target, body });
  });
}

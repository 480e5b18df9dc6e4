import http from "node:http";
import https from "node:https";
import { assertPublicDestination, guardedLookup } from "./address-guard";

export const WEBHOOK_TIMEOUT_MS = 10_000;
// Only the status matters; a receiver answering with megabytes is not read past this.
const MAX_RESPONSE_BYTES = 64 * 1024;

export type SendResult = { statusCode: number | null; error: string | null; durationMs: number };

/**
 * One POST, no redirects followed (a 3xx is a failed attempt: following it could lead
 * anywhere), answered within the timeout or abandoned. Never throws: the outcome is data for
 * the attempt's row.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<SendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  const target = new URL(url);
  try {
    // IP literals never reach the lookup below, so they are checked here.
    await assertPublicDestination(target);
  } catch (err) {
    return done(null, (err as Error).message);
  }
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  return new Promise<SendResult>((resolve) => {
    const client = target.protocol === "https:" ? https : http;
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
        lookup: guardedLookup,
        signal: AbortSignal.any(signals),
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => resolve(done(res.statusCode ?? null, null));
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    req.on("error", (err) => {
      const timedOut = signals[0]!.aborted;
      resolve(done(null, timedOut ? `No answer within ${timeoutMs / 1000} s` : err.message));
    });
    req.end(body);
  });
}

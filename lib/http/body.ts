import { AppError } from "@/lib/errors";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body, refusing more than `limit` bytes before buffering them all. */
export async function readJsonBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  // A declared length within the limit (the common case) is read in one go; otherwise the body
  // is counted chunk by chunk so an undeclared or lying one is cut off at the limit.
  const text = Number.isFinite(declared) ? await req.text() : await readLimited(req, limit);
  if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
  return parseJson(req, text);
}

/** Reads a body as text (a signed one, checked byte for byte), refusing more than `limit` bytes. */
export async function readTextBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  return readLimited(req, limit);
}

async function readLimited(req: Request, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(req: Request, text: string): unknown {
  if (text.trim() === "") return undefined;
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError("invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
}

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `Bodies are limited to ${limit} bytes.`);

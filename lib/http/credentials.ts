import { AppError } from "@/lib/errors";

const QUERY_KEY_NAMES = ["api_key", "apikey", "apiKey", "key", "token", "access_token"];

/**
 * The API key from `Authorization: Bearer <key>` or HTTP Basic with the key as user name and an
 * empty password (how many applicant trackers call). Never from the query string: URLs end up
 * in logs and browser history.
 */
export function apiKeyFromRequest(req: Request): string {
  const url = new URL(req.url);
  if (QUERY_KEY_NAMES.some((name) => url.searchParams.has(name))) {
    throw new AppError("unauthenticated", "API keys are accepted only in the Authorization header, never in the URL.", {
      headers: { "WWW-Authenticate": 'Bearer realm="parley"' },
    });
  }
  const header = req.headers.get("authorization");
  const missing = new AppError(
    "unauthenticated",
    "Send your API key as `Authorization: Bearer <key>` (or HTTP Basic with the key as user name).",
    { headers: { "WWW-Authenticate": 'Bearer realm="parley", Basic realm="parley"' } },
  );
  if (!header) throw missing;
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? "")) return value;
  if (/^basic$/i.test(scheme ?? "")) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  throw missing;
}

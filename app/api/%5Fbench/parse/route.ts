import { readJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The benchmark's second baseline (npm run bench:agent): a POST of the turn write's JSON body
// through the same outer wrapper, read and parsed as every body is, answered with a constant.
// What the framework charges for a POST body, before anything of ours runs. Only with
// PARLEY_BENCH=1: proxy.ts answers 404 otherwise, as for every /api/_bench route.
export const POST = route(async (req) => {
  await readJsonBody(req);
  return json({ ok: true });
});

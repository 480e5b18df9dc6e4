import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The benchmark's baseline (npm run bench:agent): the same outer wrapper as every route, no
// database, a constant body. Served at /api/_bench/ping (%5F keeps the folder out of Next's
// private `_folder` convention). Only with PARLEY_BENCH=1: proxy.ts answers 404 otherwise.
export const GET = route(async () => json({ ok: true }));

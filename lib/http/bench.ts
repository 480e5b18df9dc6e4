import { env } from "@/lib/env";

// The benchmark's routes (/api/_bench/*, `npm run bench:agent`) answer without any credential,
// so they exist only where PARLEY_BENCH=1 says so; proxy.ts turns them into a 404 otherwise.

/** `/api/_bench/…`, however the underscore is spelt (the folder is `%5Fbench`). */
export function isBenchPath(pathname: string): boolean {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Undecodable paths are refused before this runs (framework-guard.ts); the raw one will do.
  }
  return /^\/+api\/+_bench(\/|$)/i.test(path);
}

/** Fails closed: an environment that does not parse opens nothing. */
export function benchEnabled(): boolean {
  try {
    return env().PARLEY_BENCH;
  } catch {
    return false;
  }
}

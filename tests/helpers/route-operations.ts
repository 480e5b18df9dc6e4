import fs from "node:fs";
import path from "node:path";
import type { Operation } from "@/lib/openapi/operation";

export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

export type RouteModule = { file: string; path: string; module: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, { "x-required-scope"?: string; security?: unknown[] }>> };

/** app/api/v1/interviews/[id]/route.ts → /api/v1/interviews/{id} */
export const openApiPath = (file: string) =>
  "/" +
  path
    .relative(path.join(process.cwd(), "app"), path.dirname(file))
    .split(path.sep)
    .map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** Every route module under app/api, except the given folders (relative to app/api). */
export async function loadRoutes(except: string[]): Promise<RouteModule[]> {
  const root = path.join(process.cwd(), "app", "api");
  const skipped = except.map((dir) => path.join(root, dir, "route.ts"));
  const files = routeFiles(root).filter((f) => !skipped.includes(f));
  return Promise.all(files.map(async (file) => ({ file, path: openApiPath(file), module: (await import(file)) as Record<string, unknown> })));
}

/**
 * Everything by which routes and their documentation could disagree, one line each: a method
 * exported without an operation, or with one the document was not built from (a copy with
 * another scope, say), or with one of another method or path; a documented operation that no
 * route serves; a document whose scope or security is not the operation's.
 */
export function disagreements(routes: RouteModule[], operations: readonly Operation[], doc: Doc): string[] {
  const out: string[] = [];
  const served = new Set<Operation>();
  for (const route of routes) {
    for (const method of METHODS) {
      const handler = route.module[method] as ((...args: never[]) => unknown) & { operation?: Operation };
      if (typeof handler !== "function") continue;
      const name = `${method} ${route.path}`;
      const op = handler.operation;
      if (!op) {
        out.push(`${name}: serves no operation`);
        continue;
      }
      if (!operations.includes(op)) out.push(`${name}: serves an operation the document was not built from`);
      else served.add(op);
      if (op.method !== method.toLowerCase() || op.path !== route.path) out.push(`${name}: serves ${op.method.toUpperCase()} ${op.path}`);
      const documented = doc.paths[op.path]?.[op.method];
      if (!documented) out.push(`${name}: not in the document`);
      else if (documented["x-required-scope"] !== op.scope) out.push(`${name}: the document requires ${documented["x-required-scope"]}, the route ${op.scope}`);
    }
  }
  for (const op of operations) if (!served.has(op)) out.push(`${op.method.toUpperCase()} ${op.path}: documented, but no route serves it`);
  return out;
}

import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import type { Db } from "@/lib/db/types";

// Query plans of real list calls on PostgreSQL: a Drizzle handle that records every statement
// it runs, EXPLAIN ANALYZE of each, and the rules a list's plan must keep at any data size.

export type Captured = { query: string; params: unknown[] };

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

/** A handle on `url` whose statements are recorded into the returned list until `close`. */
export function recordingDb(url: string): { db: Db; captured: Captured[]; client: postgres.Sql; close: () => Promise<void> } {
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const captured: Captured[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as unknown as Db;
  return { db, captured, client, close: () => client.end({ timeout: 5 }) };
}

export async function explainAnalyze(client: postgres.Sql, q: Captured): Promise<PlanNode> {
  const rows = await client.unsafe(`explain (analyze, format json) ${q.query}`, q.params as never[]);
  return (rows[0]!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
}

export type PlanLimits = {
  /** Tables at least this big must never be read by a sequential scan. */
  largeTables: Set<string>;
  /** No sort may take more rows than this (sorting an organisation's rows is the mistake). */
  maxSortedRows: number;
  /** No scan may read and discard more rows than this (walking an organisation to filter it). */
  maxFilteredRows: number;
};

/** Every way the plan breaks the limits, as readable lines; empty when it keeps them. */
export function planProblems(plan: PlanNode, limits: PlanLimits): string[] {
  const problems: string[] = [];
  const visit = (node: PlanNode) => {
    const type = node["Node Type"];
    const loops = Math.max(1, node["Actual Loops"]);
    if (type === "Seq Scan" && node["Relation Name"] && limits.largeTables.has(node["Relation Name"])) {
      problems.push(`sequential scan of ${node["Relation Name"]}`);
    }
    if (type === "Sort" || type === "Incremental Sort") {
      const input = (node.Plans ?? []).reduce((n, child) => n + child["Actual Rows"] * Math.max(1, child["Actual Loops"]), 0);
      if (input > limits.maxSortedRows) problems.push(`${type.toLowerCase()} of ${input} rows`);
    }
    const discarded = ((node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * loops;
    if (discarded > limits.maxFilteredRows) {
      problems.push(`${type.toLowerCase()} of ${node["Relation Name"] ?? node["Index Name"] ?? "?"} discarding ${discarded} rows`);
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return problems;
}

/** The plan as indented lines of node type and relation, for a failure message. */
export function planOutline(plan: PlanNode, depth = 0): string {
  const name = plan["Index Name"] ?? plan["Relation Name"] ?? "";
  const line = `${"  ".repeat(depth)}${plan["Node Type"]}${name ? ` on ${name}` : ""} (rows ${plan["Actual Rows"]} × ${plan["Actual Loops"]})`;
  return [line, ...(plan.Plans ?? []).map((p) => planOutline(p, depth + 1))].join("\n");
}

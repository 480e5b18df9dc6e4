import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrationsFolder } from "@/lib/db/migrations";
import { wrapPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import { rowsOf, type Database } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";

// Tenancy the database enforces (db/tenant-keys.ts): a database built from the migrations
// before 0011_tenancy-composite-keys, filled with two organisations, keeps every row through
// it; afterwards no row can point at another organisation's object, and deleting a parent does
// what it did before.
const MIGRATION = "_tenancy-composite-keys";
const TABLES = [
  "organizations",
  "jobs",
  "candidates",
  "interview_configs",
  "campaigns",
  "campaign_stages",
  "interviews",
  "interview_turns",
  "reports",
  "interview_decisions",
  "emails",
  "webhook_endpoints",
  "webhook_deliveries",
  "api_keys",
  "idempotency_keys",
];

let database: Database;
let drop: () => Promise<void>;
const db = () => database.db;
const exec = (query: SQL) => db().execute(query);

/** A database of its own, empty: the shared test database already has this migration. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const cfg = inject("testDb");
  if (cfg.kind === "pglite") {
    const d = wrapPglite(await PGlite.create(), "memory");
    return { database: d, drop: () => d.close() };
  }
  const name = `parley_t_${process.ppid}_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(cfg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(cfg.adminUrl);
  url.pathname = `/${name}`;
  const d = openPostgres(url.toString(), { max: 2 });
  return {
    database: d,
    drop: async () => {
      await d.close();
      const again = postgres(cfg.adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/** The committed migrations in journal order, split where drizzle's migrator splits them. */
function migrations(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return journal.entries.map(({ tag }) => ({
    tag,
    statements: fs.readFileSync(path.join(migrationsFolder(), `${tag}.sql`), "utf8").split("--> statement-breakpoint"),
  }));
}

async function apply(list: { statements: string[] }[]) {
  for (const m of list) for (const statement of m.statements) if (statement.trim()) await exec(sql.raw(statement));
}

type World = Record<"org" | "job" | "candidate" | "config" | "campaign" | "stage" | "interview" | "turn" | "report" | "decision" | "email" | "endpoint" | "delivery" | "apiKey", string>;

/**
 * One organisation with a row in every tenant-owned table, written in plain SQL naming only
 * the columns these migrations need, so later migrations' columns cannot break it.
 */
async function fillOrganisation(label: string): Promise<World> {
  const id = (prefix: string) => `${prefix}_${label}${randomBase62(12)}`;
  const w: World = {
    org: id("org"),
    job: id("job"),
    candidate: id("cand"),
    config: id("cfg"),
    campaign: id("cmp"),
    stage: id("stg"),
    interview: id("int"),
    turn: id("turn"),
    report: id("rep"),
    decision: id("dec"),
    email: id("eml"),
    endpoint: id("whe"),
    delivery: id("whd"),
    apiKey: id("key"),
  };
  await exec(sql`insert into organizations (id, name, slug) values (${w.org}, ${`Org ${label}`}, ${w.org.toLowerCase()})`);
  await exec(sql`insert into jobs (id, organization_id, title) values (${w.job}, ${w.org}, 'Engineer')`);
  await exec(sql`insert into candidates (id, organization_id, first_name, last_name, email) values (${w.candidate}, ${w.org}, 'Ada', 'Lovelace', 'ada@example.com')`);
  await exec(sql`insert into interview_configs (id, organization_id, name, intro, questions, criteria, score_bands)
                 values (${w.config}, ${w.org}, 'Screen', 'Hello', '[]'::jsonb, '[]'::jsonb, '[]'::jsonb)`);
  await exec(sql`insert into campaigns (id, organization_id, job_id, name) values (${w.campaign}, ${w.org}, ${w.job}, 'Winter')`);
  await exec(sql`insert into campaign_stages (id, organization_id, campaign_id, position, name, config_id)
                 values (${w.stage}, ${w.org}, ${w.campaign}, 1, 'Screen', ${w.config})`);
  await exec(sql`insert into interviews (id, organization_id, candidate_id, job_id, campaign_id, stage_id, config_id, config_snapshot, invitation_token_hash, expires_at, room_name)
                 values (${w.interview}, ${w.org}, ${w.candidate}, ${w.job}, ${w.campaign}, ${w.stage}, ${w.config}, '{}'::jsonb, ${id("hash")}, now() + interval '7 days', ${`room-${w.interview}`})`);
  await exec(sql`insert into interview_turns (id, organization_id, interview_id, turn_number, role, content) values (${w.turn}, ${w.org}, ${w.interview}, 0, 'agent', 'Hello')`);
  await exec(sql`insert into reports (id, organization_id, interview_id) values (${w.report}, ${w.org}, ${w.interview})`);
  await exec(sql`update interviews set report_id = ${w.report} where id = ${w.interview}`);
  await exec(sql`insert into interview_decisions (id, organization_id, interview_id, outcome, agrees_with_recommendation, report_id, actor_type)
                 values (${w.decision}, ${w.org}, ${w.interview}, 'ADVANCE', true, ${w.report}, 'user')`);
  await exec(sql`insert into emails (id, organization_id, interview_id, kind, "to", "from", subject, html, text, locale, idempotency_key)
                 values (${w.email}, ${w.org}, ${w.interview}, 'interview.invitation', 'ada@example.com', 'jobs@example.com', 'Hi', '<p>Hi</p>', 'Hi', 'en', ${id("idem")})`);
  await exec(sql`insert into webhook_endpoints (id, organization_id, url, secret, event_types) values (${w.endpoint}, ${w.org}, 'https://example.com/hook', 'whsec_x', array['interview.completed'])`);
  await exec(sql`insert into webhook_deliveries (id, organization_id, endpoint_id, message_id, event_type, payload)
                 values (${w.delivery}, ${w.org}, ${w.endpoint}, ${id("msg")}, 'interview.completed', '{}'::jsonb)`);
  await exec(sql`insert into api_keys (id, organization_id, name, prefix, secret_hash, scopes) values (${w.apiKey}, ${w.org}, 'key', 'pk_', ${id("hash")}, array['interviews:read'])`);
  await exec(sql`insert into idempotency_keys (organization_id, api_key_id, key, request_hash, expires_at) values (${w.org}, ${w.apiKey}, 'k1', 'h', now() + interval '1 day')`);
  return w;
}

/** Every row of every table above, as text, in a stable order. */
async function contents(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = rowsOf<{ row: string }>(await exec(sql.raw(`select t::text as row from ${table} t order by 1`)));
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

/** The SQLSTATE and constraint of a refused statement (the driver's error may be wrapped). */
async function refusal(query: SQL): Promise<{ code?: string; constraint?: string }> {
  try {
    await exec(query);
  } catch (err) {
    const e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: { code?: string; constraint_name?: string; constraint?: string } };
    const source = e.code ? e : (e.cause ?? e);
    return { code: source.code, constraint: source.constraint_name ?? source.constraint };
  }
  return {};
}

let a: World;
let b: World;
let before: Record<string, string[]>;
// Read right after this migration: later ones may add columns, which would change every row's text.
let after: Record<string, string[]>;

beforeAll(async () => {
  ({ database, drop } = await emptyDatabase());
  const all = migrations();
  const mine = all.findIndex((m) => m.tag.endsWith(MIGRATION));
  expect(mine).toBeGreaterThan(0);
  await apply(all.slice(0, mine));
  a = await fillOrganisation("a");
  b = await fillOrganisation("b");
  before = await contents();
  await apply(all.slice(mine, mine + 1));
  after = await contents();
  await apply(all.slice(mine + 1));
}, 180_000);

afterAll(async () => {
  await drop?.();
});

describe("the tenancy-composite-keys migration", () => {
  it("keeps every row of a populated database as it was", async () => {
    expect(Object.values(before).every((rows) => rows.length === 2)).toBe(true);
    expect(after).toEqual(before);
  });
});

describe("a reference to another organisation's object", () => {
  // Each tenant-owned reference, moved on an organisation-A row to organisation B's object
  // (and off any unique key the move would otherwise collide on).
  const cases: [constraint: string, move: () => SQL][] = [
    ["campaigns_job_id_fk", () => sql`update campaigns set job_id = ${b.job} where id = ${a.campaign}`],
    ["campaign_stages_campaign_id_fk", () => sql`update campaign_stages set campaign_id = ${b.campaign}, position = 2 where id = ${a.stage}`],
    ["campaign_stages_config_id_fk", () => sql`update campaign_stages set config_id = ${b.config} where id = ${a.stage}`],
    ["interviews_candidate_id_fk", () => sql`update interviews set candidate_id = ${b.candidate} where id = ${a.interview}`],
    ["interviews_job_id_fk", () => sql`update interviews set job_id = ${b.job} where id = ${a.interview}`],
    ["interviews_campaign_id_fk", () => sql`update interviews set campaign_id = ${b.campaign} where id = ${a.interview}`],
    ["interviews_stage_id_fk", () => sql`update interviews set stage_id = ${b.stage} where id = ${a.interview}`],
    ["interviews_config_id_fk", () => sql`update interviews set config_id = ${b.config} where id = ${a.interview}`],
    ["interview_turns_interview_id_fk", () => sql`update interview_turns set interview_id = ${b.interview}, turn_number = 1 where id = ${a.turn}`],
    ["reports_interview_id_fk", () => sql`update reports set interview_id = ${b.interview}, version = 2 where id = ${a.report}`],
    ["interview_decisions_interview_id_fk", () => sql`update interview_decisions set interview_id = ${b.interview} where id = ${a.decision}`],
    ["interview_decisions_report_id_fk", () => sql`update interview_decisions set report_id = ${b.report} where id = ${a.decision}`],
    ["emails_interview_id_fk", () => sql`update emails set interview_id = ${b.interview} where id = ${a.email}`],
    ["webhook_deliveries_endpoint_id_fk", () => sql`update webhook_deliveries set endpoint_id = ${b.endpoint} where id = ${a.delivery}`],
    ["idempotency_keys_api_key_id_fk", () => sql`update idempotency_keys set api_key_id = ${b.apiKey} where organization_id = ${a.org}`],
  ];

  it.each(cases)("is refused by the database (%s)", async (constraint, move) => {
    expect(await refusal(move())).toEqual({ code: "23503", constraint });
  });

  it("is refused when a new row is written with it: an interview of A for B's candidate", async () => {
    const query = sql`insert into interviews (id, organization_id, candidate_id, job_id, config_snapshot, invitation_token_hash, expires_at, room_name)
                      values ('int_cross', ${a.org}, ${b.candidate}, ${a.job}, '{}'::jsonb, 'hash_cross', now(), 'room-cross')`;
    expect(await refusal(query)).toEqual({ code: "23503", constraint: "interviews_candidate_id_fk" });
  });
});

describe("deleting a referenced object", () => {
  it("does what it did before: set null keeps the organisation, cascade removes, restrict refuses", async () => {
    const w = await fillOrganisation("c");
    // restrict_violation (23001) since PostgreSQL 16; 15 says foreign_key_violation (23503).
    const restricted = await refusal(sql`delete from candidates where id = ${w.candidate}`);
    expect(restricted.constraint).toBe("interviews_candidate_id_fk");
    expect(["23001", "23503"]).toContain(restricted.code);

    await exec(sql`delete from interview_configs where id = ${w.config}`);
    const [stage] = rowsOf<{ organization_id: string; config_id: string | null }>(await exec(sql`select organization_id, config_id from campaign_stages where id = ${w.stage}`));
    expect(stage).toEqual({ organization_id: w.org, config_id: null });

    await exec(sql`delete from reports where id = ${w.report}`);
    const [decision] = rowsOf<{ organization_id: string; report_id: string | null }>(await exec(sql`select organization_id, report_id from interview_decisions where id = ${w.decision}`));
    expect(decision).toEqual({ organization_id: w.org, report_id: null });

    await exec(sql`delete from interviews where id = ${w.interview}`);
    const [email] = rowsOf<{ organization_id: string; interview_id: string | null }>(await exec(sql`select organization_id, interview_id from emails where id = ${w.email}`));
    expect(email).toEqual({ organization_id: w.org, interview_id: null });
    const left = rowsOf<{ n: number }>(await exec(sql`select (select count(*) from interview_turns where organization_id = ${w.org})::int
                                                          + (select count(*) from interview_decisions where organization_id = ${w.org})::int as n`));
    expect(left[0]!.n).toBe(0);

    await exec(sql`delete from campaigns where id = ${w.campaign}`);
    expect(rowsOf(await exec(sql`select 1 from campaign_stages where id = ${w.stage}`))).toHaveLength(0);
    await exec(sql`delete from api_keys where id = ${w.apiKey}`);
    expect(rowsOf(await exec(sql`select 1 from idempotency_keys where organization_id = ${w.org}`))).toHaveLength(0);
  });

  it("deleting an organisation still removes everything it owns", async () => {
    const w = await fillOrganisation("d");
    await exec(sql`delete from organizations where id = ${w.org}`);
    for (const table of TABLES.slice(1)) {
      const rows = rowsOf(await exec(sql.raw(`select 1 from ${table} where organization_id = '${w.org}'`)));
      expect(rows, table).toHaveLength(0);
    }
  });
});

import { sql, type SQL } from "drizzle-orm";
import { INVITATION_EMAIL_KIND } from "@/db/emails";
import type { InterviewConfigSnapshot } from "@/db/interview-configs";
import { rowsOf, type Db } from "../db/types";
import { INVITATION_TTL_MS } from "../interviews/invitation-link";
import { ROOM_NAME_PREFIX } from "./interview-rows";

// The defaults of lib/seed/interview-rows.ts (the other fixtures' builder), in SQL.
const INVITATION_TTL = sql.raw(`interval '${INVITATION_TTL_MS / 1000} seconds'`);

// The set-based statements behind generateScaleData (scale-data.ts): one INSERT … SELECT over
// generate_series per table and organisation. Ids are the type prefix and 22 hex characters of
// md5(seed, kind, n), so an interview names its candidate, job, campaign and report without a
// join, and every run (its own seed) makes new ones.

export type OrgPlan = {
  organizationId: string;
  seed: string;
  configId: string;
  snapshot: InterviewConfigSnapshot;
  interviews: number;
  candidates: number;
  jobs: number;
  days: number;
};

const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Frances", "Tim", "Margaret", "Dennis", "Radia", "Ken", "Shafi", "Linus", "Hedy"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Dijkstra", "Liskov", "Knuth", "Allen", "Berners-Lee", "Hamilton", "Ritchie", "Perlman", "Thompson", "Goldwasser", "Torvalds", "Lamarr"];
const TITLES = ["Backend Engineer", "Data Engineer", "Product Designer", "Support Specialist", "Account Executive", "Site Reliability Engineer", "Recruiter", "Frontend Engineer"];
const PLACES = ["Remote", "Berlin", "London", "Paris", "Lisbon", "Toronto"];

const textArray = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`);

/** `prefix_` and 22 hex characters derived from the run's seed, the kind and the number `n`. */
const idOf = (prefix: string, seed: string, kind: string, n: SQL) => sql`${prefix + "_"} || substr(md5(${seed}::text || ${":" + kind + ":"} || (${n})::text), 1, 22)`;

async function insertCounted(db: Db, insert: SQL): Promise<number> {
  const result = await db.execute(sql`with ins as (${insert} returning 1) select count(*)::int as n from ins`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Spread over `days`, newest first: row g of `count` was created (g - 1) steps ago. */
const age = (p: OrgPlan, count: number, g: SQL) => sql`make_interval(secs => ((${g}) - 1) * ${p.days * 86_400}::float8 / ${count}::float8)`;

export async function insertOrganizationRows(db: Db, p: OrgPlan) {
  const org = p.organizationId;
  const jobs = await insertCounted(
    db,
    sql`insert into jobs (id, organization_id, title, location, external_id, created_at, updated_at)
      select ${idOf("job", p.seed, "job", sql`g`)}, ${org}, (${textArray(TITLES)})[1 + g % ${TITLES.length}] || ' ' || g, (${textArray(PLACES)})[1 + g % ${PLACES.length}],
        'req-' || g, now() - ${age(p, p.jobs, sql`g`)} - interval '1 day', now() - ${age(p, p.jobs, sql`g`)} - interval '1 day'
      from generate_series(1, ${p.jobs}::int) g`,
  );
  const campaignCount = Math.ceil(p.jobs / 2);
  // One campaign with one stage for every odd-numbered job, so half the interviews belong to one.
  const campaigns = await insertCounted(
    db,
    sql`insert into campaigns (id, organization_id, job_id, name, created_at, updated_at)
      select ${idOf("camp", p.seed, "camp", sql`c`)}, ${org}, ${idOf("job", p.seed, "job", sql`2 * c - 1`)}, 'Hiring round ' || c,
        now() - ${age(p, p.jobs, sql`2 * c - 1`)} - interval '23 hours', now() - ${age(p, p.jobs, sql`2 * c - 1`)} - interval '23 hours'
      from generate_series(1, ${campaignCount}::int) c`,
  );
  await db.execute(sql`insert into campaign_stages (id, organization_id, campaign_id, position, name, config_id)
    select ${idOf("stg", p.seed, "stg", sql`c`)}, ${org}, ${idOf("camp", p.seed, "camp", sql`c`)}, 1, 'AI screen', ${p.configId}
    from generate_series(1, ${campaignCount}::int) c`);
  const candidates = await insertCounted(
    db,
    sql`insert into candidates (id, organization_id, first_name, last_name, email, locale, external_id, created_at, updated_at)
      select ${idOf("cand", p.seed, "cand", sql`g`)}, ${org}, n.first, n.last, lower(n.first || '.' || n.last || '.' || g || '@example.com'), 'en',
        case when g % 2 = 0 then 'ats-' || g end, now() - ${age(p, p.candidates, sql`g`)} - interval '1 hour', now() - ${age(p, p.candidates, sql`g`)} - interval '1 hour'
      from generate_series(1, ${p.candidates}::int) g
      cross join lateral (select (${textArray(FIRST)})[1 + g % ${FIRST.length}] as first, (${textArray(LAST)})[1 + (g / ${FIRST.length}) % ${LAST.length}] as last) n`,
  );
  const interviews = await insertCounted(db, interviewInsert(p));
  const reports = await insertCounted(db, reportInsert(p));
  const emails = await insertCounted(db, emailInsert(p));
  return { jobs, campaigns, candidates, interviews, reports, emails };
}

/**
 * Interviews g = 1…n, newest first. Created in the last 7 days: still open (mostly INVITED, some
 * DRAFT, IN_PROGRESS, COMPLETED, CANCELLED). Expired up to 10 minutes ago: still INVITED, as
 * if the sweep had not reached them yet. Older: COMPLETED 70 %, EXPIRED 20 %, CANCELLED 10 %.
 */
function interviewInsert(p: OrgPlan): SQL {
  return sql`insert into interviews (id, organization_id, candidate_id, job_id, campaign_id, stage_id, config_id, config_snapshot, status,
      invitation_token_hash, invitation_email_status, expires_at, invited_at, started_at, ended_at, cancelled_at, room_name, report_id, overall_score, created_at, updated_at)
    select x.id, ${p.organizationId}, ${idOf("cand", p.seed, "cand", sql`x.c`)}, ${idOf("job", p.seed, "job", sql`x.j`)},
      case when x.j % 2 = 1 then ${idOf("camp", p.seed, "camp", sql`(x.j + 1) / 2`)} end,
      case when x.j % 2 = 1 then ${idOf("stg", p.seed, "stg", sql`(x.j + 1) / 2`)} end,
      ${p.configId}, ${JSON.stringify(p.snapshot)}::jsonb, s.status,
      md5(${p.seed}::text || ':tok:' || x.g) || md5(${p.seed}::text || ':tok2:' || x.g),
      (case when s.status = 'DRAFT' then 'NONE' else 'SENT' end)::invitation_email_status,
      x.created + ${INVITATION_TTL},
      case when s.status <> 'DRAFT' then x.created end,
      case when s.status in ('IN_PROGRESS', 'COMPLETED') then x.created + t.wait end,
      case when s.status = 'COMPLETED' then x.created + t.wait + t.talk end,
      case when s.status = 'CANCELLED' then x.created + t.wait end,
      ${ROOM_NAME_PREFIX} || x.id,
      case when s.status = 'COMPLETED' then ${idOf("rep", p.seed, "rep", sql`x.g`)} end,
      -- The score reportInsert gives the report, so its trigger finds nothing to rewrite.
      case when s.status = 'COMPLETED' then ${reportScore(sql`x.id`)} end,
      x.created,
      case s.status when 'COMPLETED' then x.created + t.wait + t.talk when 'EXPIRED' then x.created + ${INVITATION_TTL}
        when 'DRAFT' then x.created when 'INVITED' then x.created else x.created + t.wait end
    from (
      select g, ${idOf("int", p.seed, "int", sql`g`)} as id, now() - ${age(p, p.interviews, sql`g`)} as created, ${age(p, p.interviews, sql`g`)} as age,
        1 + (g::bigint * 2654435761) % ${p.jobs}::bigint as j, 1 + (g::bigint * 40503) % ${p.candidates}::bigint as c, (g::bigint * 7907) % 100 as h
      from generate_series(1, ${p.interviews}::int) g
    ) x
    cross join lateral (select case
      when x.age < ${INVITATION_TTL} then case when x.h < 5 then 'DRAFT' when x.h < 85 then 'INVITED' when x.h < 87 then 'IN_PROGRESS' when x.h < 97 then 'COMPLETED' else 'CANCELLED' end
      when x.age < ${INVITATION_TTL} + interval '10 minutes' then 'INVITED'
      else case when x.h < 70 then 'COMPLETED' when x.h < 90 then 'EXPIRED' else 'CANCELLED' end
    end::interview_status as status) s
    cross join lateral (select least(x.age / 2, interval '1 day') as wait, least(x.age / 4, interval '25 minutes') as talk) t`;
}

/**
 * The invitation e-mail (delivered, body already redacted as after delivery) of each interview
 * invited in the last 90 days: enough rows for the planner to treat e-mails as a large table,
 * without a million copies of an e-mail body.
 */
function emailInsert(p: OrgPlan): SQL {
  return sql`insert into emails (id, organization_id, interview_id, kind, "to", "from", subject, html, text, locale, status, idempotency_key, attempts, sent_at, created_at, updated_at)
    select e.id, i.organization_id, i.id, ${INVITATION_EMAIL_KIND}, c.email, 'Parley <interviews@parley.localhost>', 'Your interview',
      '<p>Your interview link: /i/[link-removed-after-delivery]</p>', 'Your interview link: /i/[link-removed-after-delivery]', 'en', 'SENT',
      'parley-email-' || e.id, 1, i.invited_at, i.invited_at, i.invited_at
    from interviews i
    join candidates c on c.id = i.candidate_id
    cross join lateral (select 'eml_' || substr(md5(${p.seed}::text || ':eml:' || i.id), 1, 22) as id) e
    where i.organization_id = ${p.organizationId} and i.status <> 'DRAFT' and i.created_at > now() - interval '90 days'`;
}

/** The overall score of an interview's generated report: 20–83, spread by its id. */
const reportScore = (interviewId: SQL): SQL => sql`(20 + (hashtext(${interviewId}) & 63))::real`;

/** A READY report, as the heuristic scorer would write it, for every completed interview. */
function reportInsert(p: OrgPlan): SQL {
  const scorecard = { criteria: p.snapshot.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, score: 3, rationale: "Generated for scale tests.", evidence: [] })) };
  return sql`insert into reports (id, organization_id, interview_id, version, status, summary, strengths, concerns, recommendation, overall_score,
      scorecard, model, prompt_version, config_version, generated_at, created_at, updated_at)
    select i.report_id, i.organization_id, i.id, 1, 'READY', 'Generated for scale tests.', '["Specific examples"]'::jsonb, '["Little on outcomes"]'::jsonb,
      (case when r.score >= 85 then 'STRONG_YES' when r.score >= 70 then 'YES' when r.score >= 50 then 'NO_DECISION' when r.score >= 30 then 'NO' else 'DEFINITELY_NO' end)::recommendation,
      r.score, ${JSON.stringify(scorecard)}::jsonb, 'heuristic-v1', 'scale-data', ${p.snapshot.version}::int, i.ended_at, i.ended_at, i.ended_at
    from interviews i cross join lateral (select ${reportScore(sql`i.id`)} as score) r
    where i.organization_id = ${p.organizationId} and i.status = 'COMPLETED'`;
}

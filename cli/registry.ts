import type { Command } from "./command";

// Every command of `npm run --silent cli`, in the order `--help` lists them. Modules are
// imported when their command runs (a CLI process answers one command, then exits).
const org = () => import("./commands/org");
const apiKey = () => import("./commands/api-key");
const user = () => import("./commands/user");
const db = () => import("./commands/db");
const outbox = () => import("./commands/outbox");
const jobs = () => import("./commands/jobs");
const agent = () => import("./commands/agent");
const dev = () => import("./commands/dev");

export const commands: Record<string, Command> = {
  "org create": { usage: "org create --name NAME [--slug SLUG]", load: async () => (await org()).createOrg },
  "org list": { usage: "org list", load: async () => (await org()).listOrgs },
  "org settings": {
    usage: "org settings --org SLUG [--retention-days N] [--accommodation-email E|none]   (what the candidate's consent notice states)",
    load: async () => (await org()).orgSettings,
  },
  "api-key create": { usage: "api-key create --org SLUG --name NAME --scopes a,b|all [--expires-at ISO]", load: async () => (await apiKey()).createKey },
  "api-key list": { usage: "api-key list --org SLUG", load: async () => (await apiKey()).listKeys },
  "api-key revoke": { usage: "api-key revoke --id ID", load: async () => (await apiKey()).revokeKey },
  "user create": {
    usage: "user create --org SLUG --email E --password P [--role owner|admin|recruiter|viewer] [--name NAME]",
    load: async () => (await user()).createUserCommand,
  },
  "db migrate": { usage: "db migrate", load: async () => (await db()).migrateCommand },
  seed: { usage: "seed", load: async () => (await db()).seedCommand },
  "outbox list": { usage: "outbox list [--org SLUG] [--status OUTBOX|QUEUED|SENT|FAILED|all] [--limit N]", load: async () => (await outbox()).listOutboxCommand },
  "jobs list": { usage: "jobs list [--status QUEUED|RUNNING|SUCCEEDED|FAILED] [--kind KIND] [--org ORG_ID] [--limit 50]", load: async () => (await jobs()).listJobsCommand },
  "jobs stats": { usage: "jobs stats", load: async () => (await jobs()).jobStatsCommand },
  "jobs retry": { usage: "jobs retry --id bj_…", load: async () => (await jobs()).retryJobCommand },
  "agent simulate": {
    usage: "agent simulate --interview ID [--speed fast|real] [--base-url URL]   (AGENT_SECRET from the environment or the data folder)",
    load: async () => (await agent()).simulateCommand,
  },
  "dev scale-data": {
    usage: "dev scale-data --interviews N [--largest-share 0.2] [--organizations N] [--days 730]   (bulk data for benchmarks)",
    load: async () => (await dev()).scaleDataCommand,
  },
};

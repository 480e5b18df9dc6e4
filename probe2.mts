import { openPostgres } from "@/lib/db/postgres";
import { largestOrganization } from "./scripts/bench/support";
import { statusesAndCompletion, startedPerWeek, averageScoreByJob } from "@/lib/console/dashboard";
async function go() {
  const d = openPostgres("postgres://postgres@127.0.0.1:5432/parley_bench_console_keep", { max: 4 });
  const org = (await largestOrganization(d.db))!;
  const ctx = { organizationId: org.id, actor: { type: "system" as const, id: "probe" } };
  const t = async (name: string, f: () => Promise<unknown>) => { await f(); const s = performance.now(); for (let i = 0; i < 5; i++) await f(); console.log(name, ((performance.now() - s) / 5).toFixed(1), "ms"); };
  await t("dash statuses", () => statusesAndCompletion(d.db, ctx));
  await t("dash weeks", () => startedPerWeek(d.db, ctx));
  await t("dash scores", () => averageScoreByJob(d.db, ctx));
  await d.close();
}
go();

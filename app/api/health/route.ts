import { getDatabase } from "@/lib/db/client";
import { checkDatabase } from "@/lib/health";
import { json } from "@/lib/http/json";
import { log } from "@/lib/log";
import { route } from "@/lib/http/route";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

// Load balancers and operators: 200 when the database answers, 503 when it does not. The
// answer does not say why; the log does (the driver's message, which carries no query values).
export const GET = route(async () => {
  const database = await checkDatabase(getDatabase);
  const ok = database.reachable;
  if (!database.reachable) log.warn("health: database unreachable", { error: database.error });
  return json(
    {
      status: ok ? "ok" : "unavailable",
      version: APP_VERSION,
      database: ok ? { reachable: true, kind: database.kind, latencyMs: database.latencyMs } : { reachable: false },
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});

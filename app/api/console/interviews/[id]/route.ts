import { interviewIdParams } from "@/lib/api/schemas/agent";
import { getInterviewView } from "@/lib/console/interview-view";
import { consoleRoute } from "@/lib/http/console-route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

// The console's interview page refreshes its status, timeline and report from here.
export const GET = consoleRoute({ params: interviewIdParams, resource: "Interview" }, async ({ db, ctx, params }) =>
  json(await getInterviewView(db, ctx, params.id)),
);

import * as op from "@/lib/console/operations";
import { getInterviewView } from "@/lib/console/interview-view";
import { consoleRoute } from "@/lib/http/console-route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

// The console's interview page refreshes its status, timeline and report from here.
export const GET = consoleRoute(op.getInterviewView, async ({ db, ctx, params }) => json(await getInterviewView(db, ctx, params.id)));

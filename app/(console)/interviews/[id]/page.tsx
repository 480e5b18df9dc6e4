import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { cache } from "react";
import { InterviewDetail } from "@/components/interviews/interview-detail";
import { getInterviewView } from "@/lib/console/interview-view";
import { getQueryClient } from "@/lib/console/query-client";
import { interviewKey } from "@/lib/console/queries";
import { canAct, requireConsole } from "@/lib/console/session";
import { AppError } from "@/lib/errors";

// One read per request, shared by the metadata and the page (scope objects are per-request too).
const loadView = cache(getInterviewView);

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { db, ctx, user }] = await Promise.all([params, requireConsole()]);
  const queryClient = getQueryClient();
  // Rendered on the server with the turns so far; the client then follows the live stream.
  const view = await loadView(db, ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  queryClient.setQueryData(interviewKey(id), view);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <InterviewDetail id={id} canAct={canAct(user.role)} />
    </HydrationBoundary>
  );
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, scope] = await Promise.all([params, requireConsole()]);
  const view = await loadView(scope.db, scope.ctx, id).catch(() => null);
  return { title: view ? `${view.candidate.firstName} ${view.candidate.lastName}` : undefined };
}

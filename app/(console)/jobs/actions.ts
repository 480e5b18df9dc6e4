"use server";

import { revalidatePath } from "next/cache";
import { createJobBody, updateJobBody } from "@/lib/api/schemas/jobs";
import { runAction } from "@/lib/console/action-result";
import { requireActor } from "@/lib/console/session";
import { parseOr422, strictBody } from "@/lib/http/validate";
import { createJob } from "@/lib/jobs/create";
import { updateJob } from "@/lib/jobs/update";

// Every action checks the session and the role on the server (a viewer's forged call is a 403)
// and validates with the API's own schemas, so the form shows the API's field errors.

export async function createJobAction(input: unknown) {
  return runAction("job.create", async () => {
    const { db, ctx } = await requireActor();
    const job = await createJob(db, ctx, parseOr422(strictBody(createJobBody), input, "body"));
    revalidatePath("/jobs");
    return { id: job.id };
  });
}

export async function updateJobAction(id: string, input: unknown) {
  return runAction("job.update", async () => {
    const { db, ctx } = await requireActor();
    const job = await updateJob(db, ctx, String(id), parseOr422(strictBody(updateJobBody.omit({ archived: true })), input, "body"));
    revalidatePath(`/jobs/${job.id}`);
    return { id: job.id, updatedAt: job.updatedAt };
  });
}

/** Archive (true) or restore (false): the same domain function as PATCH and DELETE /api/v1/jobs/{id}. */
export async function setJobArchivedAction(id: string, archived: boolean) {
  return runAction(archived ? "job.archive" : "job.restore", async () => {
    const { db, ctx } = await requireActor();
    const job = await updateJob(db, ctx, String(id), { archived: archived === true });
    revalidatePath(`/jobs/${job.id}`);
    return { id: job.id, archivedAt: job.archivedAt };
  });
}

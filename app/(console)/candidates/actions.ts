"use server";

import { revalidatePath } from "next/cache";
import { createCandidateBody, updateCandidateBody } from "@/lib/api/schemas/candidates";
import { createCandidate } from "@/lib/candidates/create";
import { updateCandidate } from "@/lib/candidates/update";
import { runAction } from "@/lib/console/action-result";
import { requireActor } from "@/lib/console/session";
import { parseOr422, strictBody } from "@/lib/http/validate";

// Every action checks the session and the role on the server (a viewer's forged call is a 403)
// and validates with the API's own schemas, so the form shows the API's field errors.

export async function createCandidateAction(input: unknown) {
  return runAction("candidate.create", async () => {
    const { db, ctx } = await requireActor();
    const candidate = await createCandidate(db, ctx, parseOr422(strictBody(createCandidateBody), input, "body"));
    revalidatePath("/candidates");
    return { id: candidate.id };
  });
}

export async function updateCandidateAction(id: string, input: unknown) {
  return runAction("candidate.update", async () => {
    const { db, ctx } = await requireActor();
    const candidate = await updateCandidate(db, ctx, String(id), parseOr422(strictBody(updateCandidateBody), input, "body"));
    revalidatePath(`/candidates/${candidate.id}`);
    return { id: candidate.id, updatedAt: candidate.updatedAt };
  });
}

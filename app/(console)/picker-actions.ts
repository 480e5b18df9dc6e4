"use server";

import { runAction } from "@/lib/console/action-result";
import { searchPicker, type PickerKind } from "@/lib/console/pickers";
import { requireConsole } from "@/lib/console/session";

/** Jobs or campaigns matching what the user typed in a filter; every member may read them. */
export async function searchPickerAction(kind: PickerKind, q: string) {
  return runAction("picker.search", async () => {
    const { db, ctx } = await requireConsole();
    return searchPicker(db, ctx, kind === "campaign" ? "campaign" : "job", typeof q === "string" ? q : "");
  });
}

import { auditEvents } from "@/db/audit-events";
import type { Ctx } from "./context";
import type { Db } from "./db/types";
import { newId } from "./ids";

/** Records who did what; call it inside the write's transaction so both land or neither. */
export async function recordAudit(
  db: Db,
  ctx: Ctx,
  event: { action: string; targetType: string; targetId: string; data?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    id: newId("audit"),
    organizationId: ctx.organizationId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data ?? null,
    requestId: ctx.requestId ?? null,
  });
}

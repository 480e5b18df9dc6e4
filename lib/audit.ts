import { auditEvents } from "@/db/audit-events";
import type { Ctx } from "./context";
import type { Db } from "./db/types";
import { newId } from "./ids";

/**
 * Every action the audit log records, in the past tense (what happened, not what was asked).
 * The console's audit screen filters on these; a new write adds its name here.
 */
export const AUDIT_ACTIONS = [
  "organization.created",
  "organization.settings_changed",
  "user.created",
  "member.role_changed",
  "member.removed",
  "member.sessions_revoked",
  "api_key.created",
  "api_key.revoked",
  "candidate.created",
  "candidate.updated",
  "job.created",
  "job.updated",
  "job.archived",
  "job.restored",
  "campaign.created",
  "interview.created",
  "interview.invitation_resent",
  "interview.started",
  "interview.voice_joined",
  "interview.interrupted",
  "interview.completed",
  "interview.cancelled",
  "interview.expired",
  "interview.consent_recorded",
  "interview.human_requested",
  "turn.updated",
  "report.regenerated",
  "decision.recorded",
  "webhook_endpoint.created",
  "webhook_endpoint.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Records who did what; call it inside the write's transaction so both land or neither. */
export async function recordAudit(
  db: Db,
  ctx: Ctx,
  event: { action: AuditAction; targetType: string; targetId: string; data?: Record<string, unknown> },
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

import { getDb } from "@/lib/db/client";
import { listOutbox } from "@/lib/email/outbox";
import { getOrganizationBySlug } from "@/lib/organizations";
import { optional, UsageError } from "../args";
import type { Run } from "../command";

const STATUSES = ["OUTBOX", "QUEUED", "SENT", "FAILED", "all"] as const;

export const listOutboxCommand: Run = async (flags) => {
  const slug = optional(flags, "org");
  const status = optional(flags, "status") ?? "OUTBOX";
  if (!(STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(", ")}.`);
  const limit = Number(optional(flags, "limit") ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError("--limit must be a whole number from 1 to 500.");
  const db = await getDb();
  const organizationId = slug ? (await getOrganizationBySlug(db, slug)).id : undefined;
  return { emails: await listOutbox(db, { organizationId, status: status as (typeof STATUSES)[number], limit }) };
};

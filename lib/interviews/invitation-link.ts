import { and, eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { organizations } from "@/db/organizations";
import { inOrg } from "@/lib/db/in-org";
import { type Locale, toLocale } from "@/lib/i18n/locales";
import type { Db } from "../db/types";
import { env } from "../env";
import { AppError, type FieldErrorCode, invalidField } from "../errors";
import { hashInvitationToken } from "../invitation-token";
import { effectiveStatus } from "./status";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function invitationUrlFor(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/i/${token}`;
}

export const MAX_INVITATION_TTL_DAYS = 90;
const MAX_INVITATION_TTL_MS = MAX_INVITATION_TTL_DAYS * 24 * 3600_000;

/**
 * A new expiry must lie ahead, and at most 90 days ahead: a link is a credential, and one
 * valid for years (or until year 9999) outlives any hiring process. Naming the field keeps
 * the 422 actionable.
 */
export function assertValidExpiry(expiresAt: Date | null, now: Date): void {
  if (!expiresAt) return;
  if (expiresAt <= now) throw expiryError("must be in the future", "too_small");
  if (expiresAt.getTime() - now.getTime() > MAX_INVITATION_TTL_MS) throw expiryError(`must be at most ${MAX_INVITATION_TTL_DAYS} days from now`, "too_big");
}

const expiryError = (message: string, code: FieldErrorCode): AppError => invalidField("expiresAt", message, "body", code);

export type InvitationView =
  | { state: "open"; organizationName: string; jobTitle: string; candidateFirstName: string; expiresAt: Date; locale: Locale }
  | { state: "cancelled" | "expired" | "completed"; locale: Locale }
  | { state: "unknown" };

/**
 * What the candidate's link page may show. The token is the credential, so this is not
 * scoped by organisation; a closed interview says only that it is closed, nothing about whose.
 */
export async function findInvitation(db: Db, token: string): Promise<InvitationView> {
  if (!TOKEN.test(token)) return { state: "unknown" };
  const [row] = await db
    .select({ interview: interviews, organizationName: organizations.name, jobTitle: jobs.title, firstName: candidates.firstName, locale: candidates.locale })
    .from(interviews)
    .innerJoin(organizations, eq(organizations.id, interviews.organizationId))
    .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, interviews)))
    .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, interviews)))
    .where(eq(interviews.invitationTokenHash, hashInvitationToken(token)));
  if (!row) return { state: "unknown" };
  const status = effectiveStatus(row.interview);
  const locale = toLocale(row.locale);
  if (status === "CANCELLED") return { state: "cancelled", locale };
  if (status === "EXPIRED") return { state: "expired", locale };
  if (status === "COMPLETED") return { state: "completed", locale };
  return {
    state: "open",
    organizationName: row.organizationName,
    jobTitle: row.jobTitle,
    candidateFirstName: row.firstName,
    expiresAt: row.interview.expiresAt,
    locale,
  };
}

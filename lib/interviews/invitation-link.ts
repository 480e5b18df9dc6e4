import { eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { interviews, type InterviewStatus } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { organizations } from "@/db/organizations";
import { emailLocale, type EmailLocale } from "../email/invitation-template";
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
  | {
      state: "open";
      organizationName: string;
      jobTitle: string;
      candidateFirstName: string;
      expiresAt: Date;
      locale: EmailLocale;
      /** The configured duration, for the consent notice. */
      maxDurationMinutes: number;
      /** The organisation's settings the consent notice states. */
      retentionDays: number;
      accommodationEmail: string | null;
    }
  | { state: "cancelled" | "expired" | "completed"; locale: EmailLocale }
  | { state: "unknown" };

export type OpenInvitation = Extract<InvitationView, { state: "open" }>;

/** The interview behind a link, for the candidate's own endpoints (lib/invite): never shown as such. */
export type InvitationTarget = { interviewId: string; organizationId: string; roomName: string; status: InterviewStatus; view: InvitationView };

/**
 * What the candidate's link page may show. The token is the credential, so this is not
 * scoped by organisation; a closed interview says only that it is closed, nothing about whose.
 */
export async function findInvitation(db: Db, token: string): Promise<InvitationView> {
  return (await findInvitationTarget(db, token))?.view ?? { state: "unknown" };
}

/** The link's interview and its view; null for a malformed or unknown token. */
export async function findInvitationTarget(db: Db, token: string, now = new Date()): Promise<InvitationTarget | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({
      interview: interviews,
      organizationName: organizations.name,
      retentionDays: organizations.candidateDataRetentionDays,
      accommodationEmail: organizations.accommodationContactEmail,
      jobTitle: jobs.title,
      firstName: candidates.firstName,
      locale: candidates.locale,
    })
    .from(interviews)
    .innerJoin(organizations, eq(organizations.id, interviews.organizationId))
    .innerJoin(jobs, eq(jobs.id, interviews.jobId))
    .innerJoin(candidates, eq(candidates.id, interviews.candidateId))
    .where(eq(interviews.invitationTokenHash, hashInvitationToken(token)));
  if (!row) return null;
  const status = effectiveStatus(row.interview, now);
  const locale = emailLocale(row.locale);
  const target = (view: InvitationView): InvitationTarget => ({
    interviewId: row.interview.id,
    organizationId: row.interview.organizationId,
    roomName: row.interview.roomName,
    status,
    view,
  });
  if (status === "CANCELLED") return target({ state: "cancelled", locale });
  if (status === "EXPIRED") return target({ state: "expired", locale });
  if (status === "COMPLETED") return target({ state: "completed", locale });
  return target({
    state: "open",
    organizationName: row.organizationName,
    jobTitle: row.jobTitle,
    candidateFirstName: row.firstName,
    expiresAt: row.interview.expiresAt,
    locale,
    maxDurationMinutes: row.interview.configSnapshot.maxDurationMinutes,
    retentionDays: row.retentionDays,
    accommodationEmail: row.accommodationEmail,
  });
}

import { and, asc, eq } from "drizzle-orm";
import { interviewConsents, type InterviewMode } from "@/db/interview-consents";
import type { ConsentOut } from "@/lib/api/schemas/interviews";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";

// Consent records are only ever appended: this module has no update, and the table refuses
// one (migration 0012). Each join the candidate makes adds one.

export type ConsentRecord = { noticeVersion: string; locale: string; mode: InterviewMode };

export async function recordConsent(db: Db, ctx: Ctx, interviewId: string, consent: ConsentRecord): Promise<ConsentOut> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interviewConsents)
      .values({ id: newId("consent"), organizationId: ctx.organizationId, interviewId, ...consent })
      .returning();
    await recordAudit(tx, ctx, { action: "interview.consent_recorded", targetType: "interview", targetId: interviewId, data: { consentId: row!.id, mode: consent.mode } });
    return publicConsent(row!);
  });
}

/** An interview's consents, oldest first (the console's interview page and the API show them). */
export async function listConsents(db: Db, ctx: Ctx, interviewId: string): Promise<ConsentOut[]> {
  const rows = await db
    .select()
    .from(interviewConsents)
    .where(and(eq(interviewConsents.organizationId, ctx.organizationId), eq(interviewConsents.interviewId, interviewId)))
    .orderBy(asc(interviewConsents.createdAt), asc(interviewConsents.id));
  return rows.map(publicConsent);
}

function publicConsent(row: typeof interviewConsents.$inferSelect): ConsentOut {
  return { id: row.id, noticeVersion: row.noticeVersion, locale: row.locale, mode: row.mode, createdAt: row.createdAt.toISOString() };
}

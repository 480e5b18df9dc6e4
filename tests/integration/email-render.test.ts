import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emails } from "@/db/emails";
import { renderInvitationEmail } from "@/lib/email/invitation-template";
import { toLocale } from "@/lib/i18n/locales";
import { createInterview } from "@/lib/interviews/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewWorld } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const URL_ = "https://parley.example/i/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
const base = { candidateFirstName: "Ada", organizationName: "Acme <Robotics>", jobTitle: "Data & ML Engineer", expiresAt: new Date("2026-03-05T17:30:00Z"), invitationUrl: URL_ };

describe("invitation e-mail", () => {
  it("English: names the organisation and the job, the expiry, the AI interviewer, the recording, the link", () => {
    const { subject, text, html, locale } = renderInvitationEmail({ ...base, locale: "en-GB" });
    expect(locale).toBe("en");
    expect(subject).toBe("Your interview for Data & ML Engineer at Acme <Robotics>");
    for (const body of [text, html]) {
      expect(body).toMatch(/interviewer is an AI/);
      expect(body).toMatch(/recorded/);
      expect(body).toContain("5 March 2026");
      expect(body).toContain("17:30 UTC");
      expect(body).toContain(URL_);
    }
    expect(text).toContain("Acme <Robotics>");
    expect(text).toContain("Data & ML Engineer");
    // Names are escaped in HTML: an organisation cannot inject markup into the e-mail.
    expect(html).toContain("Acme &lt;Robotics&gt;");
    expect(html).toContain("Data &amp; ML Engineer");
    expect(html).not.toContain("<Robotics>");
    expect(html).toContain(`href="${URL_}"`);
  });

  it("French for fr* locales", () => {
    const { subject, text, html, locale } = renderInvitationEmail({ ...base, locale: "fr-CA" });
    expect(locale).toBe("fr");
    expect(subject).toBe("Votre entretien pour le poste Data & ML Engineer chez Acme <Robotics>");
    for (const body of [text, html]) {
      expect(body).toMatch(/L'intervieweur est une IA|L&#39;intervieweur est une IA/);
      expect(body).toMatch(/enregistrée/);
      expect(body).toContain("5 mars 2026");
      expect(body).toContain(URL_);
    }
    expect(text).toContain("Bonjour Ada,");
    expect(html).toContain('lang="fr"');
  });

  it("any other locale falls back to English", () => {
    expect(toLocale("de")).toBe("en");
    expect(toLocale("FR")).toBe("fr");
    expect(toLocale(null)).toBe("en");
  });

  it("is rendered at enqueue time in the candidate's locale", async () => {
    const { ctx } = await createTestOrg(db.get().db, "Acme");
    const world = await interviewWorld(db.get().db, ctx, { locale: "fr", firstName: "Chloé" });
    const interview = await createInterview(db.get().db, ctx, { ...world, campaignId: null, stageId: null, configId: null, expiresAt: null, sendInvite: true });
    const [email] = await db.get().db.select().from(emails).where(eq(emails.interviewId, interview.id));
    expect(email).toMatchObject({ locale: "fr", subject: "Votre entretien pour le poste Analytical Engineer chez Acme", status: "QUEUED" });
    expect(email!.text).toContain("Bonjour Chloé,");
    expect(email!.text).toContain(interview.invitationUrl);
  });
});

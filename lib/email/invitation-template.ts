import { formatExpiry, type Locale, toLocale } from "@/lib/i18n/locales";

// The invitation e-mail, rendered once at enqueue time so what was queued is exactly what is
// delivered (and what the local outbox shows). English and French; other locales get English.

export type InvitationEmailInput = {
  locale: string;
  candidateFirstName: string;
  organizationName: string;
  jobTitle: string;
  expiresAt: Date;
  invitationUrl: string;
};

export type RenderedEmail = { locale: Locale; subject: string; html: string; text: string };

type Copy = {
  subject: (i: InvitationEmailInput) => string;
  greeting: (name: string) => string;
  intro: (i: InvitationEmailInput) => string;
  ai: string;
  recording: string;
  cta: string;
  expiry: (date: string) => string;
  fallback: string;
  closing: (org: string) => string;
};

const COPY: Record<Locale, Copy> = {
  en: {
    subject: (i) => `Your interview for ${i.jobTitle} at ${i.organizationName}`,
    greeting: (name) => `Hello ${name},`,
    intro: (i) => `${i.organizationName} invites you to a first interview for the ${i.jobTitle} position. You can take it online, whenever suits you, from your browser.`,
    ai: "The interviewer is an AI, not a person: an AI voice assistant asks the questions and listens to your answers.",
    recording: "The conversation is recorded and transcribed, and a person on the hiring team reviews it. No decision is made by the AI alone.",
    cta: "Start your interview",
    expiry: (date) => `This link is personal and works until ${date}.`,
    fallback: "If the button does not work, copy this address into your browser:",
    closing: (org) => `Best regards,\nThe ${org} hiring team`,
  },
  fr: {
    subject: (i) => `Votre entretien pour le poste ${i.jobTitle} chez ${i.organizationName}`,
    greeting: (name) => `Bonjour ${name},`,
    intro: (i) => `${i.organizationName} vous invite à un premier entretien pour le poste ${i.jobTitle}. Vous pouvez le passer en ligne, quand cela vous convient, depuis votre navigateur.`,
    ai: "L'intervieweur est une IA, pas une personne : un assistant vocal d'intelligence artificielle pose les questions et écoute vos réponses.",
    recording: "La conversation est enregistrée et transcrite, puis examinée par une personne de l'équipe de recrutement. Aucune décision n'est prise par l'IA seule.",
    cta: "Commencer l'entretien",
    expiry: (date) => `Ce lien vous est personnel et reste valable jusqu'au ${date}.`,
    fallback: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
    closing: (org) => `Bien cordialement,\nL'équipe de recrutement de ${org}`,
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const locale = toLocale(input.locale);
  const c = COPY[locale];
  const expiry = c.expiry(formatExpiry(input.expiresAt, locale));
  const paragraphs = [c.intro(input), c.ai, c.recording];
  const text = [
    c.greeting(input.candidateFirstName),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    `${c.cta}: ${input.invitationUrl}`,
    "",
    expiry,
    "",
    c.closing(input.organizationName),
    "",
  ].join("\n");

  const e = escapeHtml;
  const url = e(input.invitationUrl);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(c.subject(input))}</title></head>
<body style="margin:0;padding:24px;background:#f7f7f5;font-family:-apple-system,'Segoe UI',Roboto,sans-serif;color:#1c1c1a;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e3e3de;border-radius:10px;padding:24px">
<p>${e(c.greeting(input.candidateFirstName))}</p>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join("\n")}
<p><a href="${url}" style="display:inline-block;background:#2f5d50;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none;font-weight:600">${e(c.cta)}</a></p>
<p>${e(expiry)}</p>
<p style="color:#6b6b66;font-size:14px">${e(c.fallback)}<br><a href="${url}">${url}</a></p>
<p>${e(c.closing(input.organizationName)).replace("\n", "<br>")}</p>
</div>
</body></html>`;
  return { locale, subject: c.subject(input), html, text };
}

import type { EmailLocale } from "@/lib/email/invitation-template";

// The candidate's page speaks the candidate's language (the same rule as the e-mail).

export type ClosedReason = "unknown" | "cancelled" | "expired" | "completed";

type PageCopy = {
  lang: string;
  welcome: (firstName: string) => string;
  invitedBy: (org: string, job: string) => string;
  aiTitle: string;
  ai: string;
  recording: string;
  review: string;
  validUntil: (date: string) => string;
  nextTitle: string;
  next: string;
  notYet: string;
  startLabel: string;
  closed: Record<ClosedReason, { title: string; body: string }>;
};

export const PAGE_COPY: Record<EmailLocale, PageCopy> = {
  en: {
    lang: "en",
    welcome: (name) => `Welcome, ${name}`,
    invitedBy: (org, job) => `${org} has invited you to a first interview for the ${job} position.`,
    aiTitle: "Before you begin",
    ai: "Your interviewer is an AI, not a person. An AI voice assistant will ask you questions and listen to your answers.",
    recording: "The conversation is recorded and transcribed.",
    review: "A person on the hiring team reviews it. No decision is made by the AI alone.",
    validUntil: (date) => `This link is personal and works until ${date}.`,
    nextTitle: "Next step: your consent",
    next: "You will be asked to agree to the recording, then to allow your browser to use your microphone, and the conversation will start. It takes about as long as a short phone call.",
    notYet: "The interview room is not open on this page yet. Keep this link: it is the one you will use.",
    startLabel: "Start the interview (not available yet)",
    closed: {
      unknown: { title: "This link does not work", body: "It may be incomplete, or a newer invitation may have replaced it. Please check the most recent e-mail you received, or ask the person who invited you for a new link." },
      cancelled: { title: "This interview was cancelled", body: "There is nothing more you need to do. If you think this is a mistake, please contact the person who invited you." },
      expired: { title: "This invitation has expired", body: "The link was valid for a limited time. If you would still like to take the interview, please ask the person who invited you to send a new invitation." },
      completed: { title: "This interview is complete", body: "Thank you for your time. The hiring team will review your conversation and get back to you." },
    },
  },
  fr: {
    lang: "fr",
    welcome: (name) => `Bienvenue, ${name}`,
    invitedBy: (org, job) => `${org} vous invite à un premier entretien pour le poste ${job}.`,
    aiTitle: "Avant de commencer",
    ai: "Votre intervieweur est une IA, pas une personne. Un assistant vocal d'intelligence artificielle vous posera des questions et écoutera vos réponses.",
    recording: "La conversation est enregistrée et transcrite.",
    review: "Une personne de l'équipe de recrutement l'examine. Aucune décision n'est prise par l'IA seule.",
    validUntil: (date) => `Ce lien vous est personnel et reste valable jusqu'au ${date}.`,
    nextTitle: "Étape suivante : votre consentement",
    next: "Il vous sera demandé d'accepter l'enregistrement, puis d'autoriser votre navigateur à utiliser votre micro, et la conversation commencera. Elle dure à peu près le temps d'un court appel téléphonique.",
    notYet: "La salle d'entretien n'est pas encore ouverte sur cette page. Conservez ce lien : c'est celui que vous utiliserez.",
    startLabel: "Commencer l'entretien (pas encore disponible)",
    closed: {
      unknown: { title: "Ce lien ne fonctionne pas", body: "Il est peut-être incomplet, ou une invitation plus récente l'a remplacé. Consultez le dernier e-mail reçu, ou demandez un nouveau lien à la personne qui vous a invité." },
      cancelled: { title: "Cet entretien a été annulé", body: "Vous n'avez rien d'autre à faire. Si vous pensez qu'il s'agit d'une erreur, contactez la personne qui vous a invité." },
      expired: { title: "Cette invitation a expiré", body: "Le lien était valable pour une durée limitée. Si vous souhaitez toujours passer l'entretien, demandez une nouvelle invitation à la personne qui vous a invité." },
      completed: { title: "Cet entretien est terminé", body: "Merci pour votre temps. L'équipe de recrutement examinera votre conversation et reviendra vers vous." },
    },
  },
};

// Every sentence the interviewer says that is not configured or phrased by the model, in each
// supported language (docs/interviewer.md lists them). Other languages use English.

export type Lang = "en" | "fr";

type Lines = {
  /** The short neutral acknowledgement before the next configured question. */
  acknowledgement: string;
  clarify: (question: string) => string;
  cutOff: (question: string) => string;
  timeNotice: (minutes: number) => string;
  wrapUp: (name: string) => string;
  closing: (name: string) => string;
  humanRequested: (name: string) => string;
};

/** ", Ada" or "" when the name is blank. */
const comma = (name: string) => (name.trim() ? `, ${name.trim()}` : "");

const LINES: Record<Lang, Lines> = {
  en: {
    acknowledgement: "Thank you.",
    clarify: (q) => `Of course. ${q}`,
    cutOff: (q) => `Sorry, we were cut off. Here is the question again: ${q}`,
    timeNotice: (m) => `We have about ${m} ${m === 1 ? "minute" : "minutes"} left.`,
    wrapUp: (n) => `We have reached the end of the time for this interview. Thank you for your answers${comma(n)}. A person on the hiring team will review this conversation.`,
    closing: (n) => `Thank you${comma(n)}, that was my last question. A person on the hiring team will review this conversation.`,
    humanRequested: (n) =>
      `Of course, we will stop here. I will let the hiring team know that you would like to speak with a person. Thank you${comma(n)}.`,
  },
  fr: {
    acknowledgement: "Merci.",
    clarify: (q) => `Bien sûr. ${q}`,
    cutOff: (q) => `Désolé, nous avons été coupés. Je reprends la question : ${q}`,
    timeNotice: (m) => `Il nous reste environ ${m} ${m === 1 ? "minute" : "minutes"}.`,
    wrapUp: (n) => `Nous arrivons au terme du temps prévu pour cet entretien. Merci pour vos réponses${comma(n)}. Une personne de l'équipe de recrutement examinera cet échange.`,
    closing: (n) => `Merci${comma(n)}, c'était ma dernière question. Une personne de l'équipe de recrutement examinera cet échange.`,
    humanRequested: (n) =>
      `Bien sûr, nous nous arrêtons ici. Je préviens l'équipe de recrutement que vous souhaitez échanger avec une personne. Merci${comma(n)}.`,
  },
};

/** The interview language's primary subtag, when we have lines for it; English otherwise. */
export function langOf(language: string): Lang {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "fr" ? "fr" : "en";
}

export function lines(language: string): Lines {
  return LINES[langOf(language)];
}

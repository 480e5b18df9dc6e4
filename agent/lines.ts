import { langOf } from "@/lib/interviewer/lines";

// The sentences only the voice agent says (silence), beside the engine's (lib/interviewer/lines.ts);
// docs/interviewer.md lists both.

const comma = (name: string) => (name.trim() ? `, ${name.trim()}` : "");

const LINES = {
  en: {
    checkIn: (q: string) => `Are you still there? Take your time. Here is the question again: ${q}`,
    silenceEnd: (n: string) => `I have not heard from you for a while, so we will stop here. Thank you${comma(n)}. A person on the hiring team will review this conversation.`,
    noAnswer: () => "I cannot hear you, so we will stop here for now. You can join again from your invitation link when you are ready.",
  },
  fr: {
    checkIn: (q: string) => `Êtes-vous toujours là ? Prenez votre temps. Je reprends la question : ${q}`,
    silenceEnd: (n: string) =>
      `Je ne vous entends plus depuis un moment, nous allons donc nous arrêter ici. Merci${comma(n)}. Une personne de l'équipe de recrutement examinera cet échange.`,
    noAnswer: () => "Je ne vous entends pas, nous nous arrêtons donc pour le moment. Vous pourrez revenir depuis votre lien d'invitation quand vous serez prêt.",
  },
};

export function voiceLines(language: string) {
  return LINES[langOf(language)];
}

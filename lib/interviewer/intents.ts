import { fold, wordCount } from "./text";

// What the candidate asks for, detected in code (English and French, whatever the interview's
// language) before any model is involved, so it works without a key and cannot be argued away.
// Patterns need a request's wording ("I want to…", "can I…"), not a topic: an answer that says
// "I talked to a recruiter" or "I want to leave my current job" is an answer.

export type CandidateIntent = "human" | "stop" | "repeat" | "answer";

const REQUEST_EN = String.raw`(?:i want|i'd like|i would like|i need|i'd prefer|i would prefer|i prefer|i'd rather|i would rather|can i|could i|may i|let me|please let me|is it possible to|put me through)`;
const REQUEST_FR = String.raw`(?:je veux|je voudrais|j'aimerais|je souhaite|je souhaiterais|je prefere|je prefererais|puis-je|pourrais-je|est-ce que je peux|est-ce que je pourrais|est-il possible de|peut-on|pouvez-vous me passer)`;
const PERSON_EN = String.raw`(?:(?:a |an |some )?(?:real |actual |live )?(?:human|person|recruiter|somebody real|someone real)|a human being|people from the (?:team|company))`;
const PERSON_FR = String.raw`(?:(?:un |une )?(?:humain|humaine|vraie personne|personne reelle|personne physique|recruteur|recruteuse|etre humain|interlocuteur humain))`;
const TALK_EN = String.raw`(?:speak|talk|chat|have|get|be put through|be transferred|be connected)`;
const TALK_FR = String.raw`(?:parler|discuter|echanger|avoir|etre mis en relation|etre mise en relation|etre transfere|etre transferee)`;
const INTERVIEW_EN = String.raw`(?:the|this) (?:interview|conversation|call|session)`;
const INTERVIEW_FR = String.raw`(?:l'|cet |cette |le |la )(?:entretien|entrevue|conversation|appel|echange)`;

const HUMAN: RegExp[] = [
  new RegExp(String.raw`\b${REQUEST_EN}\b.{0,25}\b${TALK_EN}\b.{0,15}\b${PERSON_EN}\b`),
  new RegExp(String.raw`\b${REQUEST_FR}\b.{0,25}\b${TALK_FR}\b.{0,15}\b${PERSON_FR}\b`),
  /^(?:a )?(?:human|real person|recruiter)(?:,? please)?[.!]*$/,
  /^(?:un )?(?:humain|vraie personne|recruteur)(?:,? svp|,? s'il vous plait)?[.!]*$/,
  /\b(?:human|real person) (?:please|instead)\b/,
  /\b(?:not|don't want to talk to|don't want to speak to) (?:a |an )?(?:robot|bot|machine|ai)\b/,
  /\bje (?:ne )?veux pas (?:parler|discuter) (?:a|avec) (?:un |une )?(?:robot|machine|ia|intelligence artificielle)\b/,
];

const STOP: RegExp[] = [
  new RegExp(String.raw`\b(?:stop|end|quit|leave|terminate|cancel|finish) ${INTERVIEW_EN}\b`),
  /\bi (?:want|wish|would like|'d like|need) to (?:stop|quit|give up)\b/,
  /\b(?:can|could) we (?:stop|end) (?:here|now|this)\b/,
  /\blet's (?:stop|end) (?:here|now|this)\b/,
  new RegExp(String.raw`\b(?:arreter|stopper|terminer|finir|quitter|interrompre|annuler|abandonner) ${INTERVIEW_FR}`),
  /\bje (?:veux|voudrais|souhaite|prefere|prefererais|dois) (?:arreter|abandonner|m'arreter)\b/,
  /\b(?:on peut|peut-on|pouvons-nous) (?:arreter|s'arreter)\b/,
  /^(?:stop|arret|arretez|stoppez)[.!]*$/,
];

// Only in a short message: "could you repeat" inside a long answer is not a request to repeat.
const REPEAT_MAX_WORDS = 15;
const REPEAT: RegExp[] = [
  /\b(?:can|could|would|will) you (?:please )?(?:repeat|rephrase|reformulate|say (?:that|it) again|explain (?:the|that|your) question)\b/,
  /^(?:please )?(?:repeat|rephrase)\b/,
  /\brepeat (?:the question|that|please)\b/,
  /\b(?:say (?:that|it) again|come again)\b/,
  /\b(?:didn't|did not|couldn't|could not) (?:catch|hear|understand|get) (?:that|it|the question|you)\b/,
  /\b(?:what was|what is|what's) the question\b/,
  /\b(?:what do you mean|can you clarify|could you clarify)\b/,
  /^(?:pardon|sorry|excuse me|what|huh|hm+)\s*\?*[.!]*$/,
  /\b(?:pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|peux-tu|pourrais-tu|tu peux|merci de|veuillez) (?:me )?(?:repeter|redire|reformuler|preciser)\b/,
  /^(?:repetez|redites|reformulez)\b/,
  /\b(?:je n'ai pas|j'ai pas) (?:compris|entendu|saisi|bien compris|bien entendu)\b/,
  /\bquelle (?:etait|est) la question\b/,
  /\b(?:qu'entendez-vous par|que voulez-vous dire)\b/,
  /^(?:pardon|comment|quoi|hein|excusez-moi|c'est-a-dire)\s*\?*[.!]*$/,
];

/** The first of human, stop, repeat that the message asks for; otherwise an answer. */
export function detectIntent(message: string): CandidateIntent {
  const text = fold(message);
  if (!text) return "answer";
  if (HUMAN.some((p) => p.test(text))) return "human";
  if (STOP.some((p) => p.test(text))) return "stop";
  if (wordCount(text) <= REPEAT_MAX_WORDS && REPEAT.some((p) => p.test(text))) return "repeat";
  return "answer";
}

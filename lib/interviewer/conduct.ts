import { fold } from "./text";

// Conduct rules checked in code on every sentence the model phrases (its follow-up questions).
// A violation does not get repaired: the sentence is refused and the engine goes on with its
// script. A false positive therefore costs one follow-up question, never a wrong sentence said.

export const MAX_FOLLOW_UP_CHARS = 300;

// A score or an outcome: "4/5", "3 out of 5", "8 sur 10", "your score", "you passed the
// interview", "you'll get the job", "vous êtes retenu". Verbs need the outcome's wording, so
// "tell me about a time you failed" or "how were you selected for that project" stay allowed.
const YOU_WILL_BE = String.raw`you(?:'re| are| will be|'ll be| have been|'ve been| are going to be|'re going to be)`;
const SCORE_OR_OUTCOME: RegExp[] = [
  /\b\d+(?:[.,]\d+)?\s*(?:\/|out of|on|sur)\s*(?:5|10|20|100)\b/,
  /\b(?:score|scores|scored|scoring|rating|rated|grade|graded)\b/,
  new RegExp(String.raw`\b${YOU_WILL_BE} (?:\w+ )?(?:hired|selected|shortlisted|rejected|accepted|successful|unsuccessful|a (?:great|perfect|strong|good) (?:fit|candidate|match)|the right (?:fit|candidate|person))\b`),
  /\byou(?:'ll| will| are going to|'re going to) (?:\w+ )?(?:get|be offered|receive) (?:the|an|a) (?:job|position|role|offer)\b/,
  /\byou (?:got|have got|'ve got) the (?:job|position|role|offer)\b/,
  /\byou(?: have|'ve)? (?:passed|failed) (?:the|this|our) (?:interview|test|screening|stage|round|assessment)\b/,
  /\byou(?:'ll| will| are going to|'re going to) (?:\w+ )?(?:move|go|advance|proceed) (?:forward|on|to the next)\b/,
  /\b(?:we will|we'll|we are going to|we're going to) (?:\w+ )?(?:hire|offer you|reject|select you|invite you)\b/,
  /\b(?:well done|great answer|excellent answer|perfect answer|bad answer|wrong answer|poor answer|good answer)\b/,
  /\b(?:votre|ta|la|une|bonne|mauvaise) (?:note|notation|score)\b/,
  /\bvous (?:avez )?(?:reussi|echoue|passe) (?:l'|a l'|cet |ce |le |la )?(?:entretien|test|etape|evaluation)\b/,
  /\bvous (?:etes|serez|allez etre) (?:\w+ )?(?:retenue?|embauchee?|recrutee?|selectionnee?|prise?|admise?|le bon profil|la bonne personne|un excellent profil)\b/,
  /\bvous (?:aurez|allez avoir|allez obtenir|obtiendrez|avez obtenu) (?:le|ce) (?:poste|job|emploi)\b/,
  /\bnous (?:allons|vous) (?:\w+ )?(?:embaucher|recruter|retenir|rejeter|proposer le poste)\b/,
  /\b(?:bonne|excellente|parfaite|mauvaise) reponse\b/,
];

// Protected characteristics and the questions that reach them (English and French, matched as
// whole words on folded text). A follow-up naming any of them is refused, even innocently.
const PROTECTED_WORDS = [
  // age
  "age", "aged", "ages", "old are you", "how old", "born", "birth", "birthday", "year of birth",
  "quel age", "votre age", "naissance", "anniversaire", "retraite",
  // family
  "married", "marriage", "marital", "divorced", "husband", "wife", "spouse", "boyfriend", "girlfriend", "partner's", "children", "kids", "kid", "pregnant", "pregnancy", "maternity", "paternity", "family", "families", "childcare",
  "marie", "mariee", "mariage", "celibataire", "divorce", "divorcee", "mari", "epouse", "conjoint", "conjointe", "compagnon", "compagne", "enfant", "enfants", "enceinte", "grossesse", "maternite", "paternite", "famille", "familial", "familiale",
  // health and disability
  "health", "healthy", "illness", "sick", "sickness", "disease", "disability", "disabled", "handicap", "handicapped", "medical", "medication", "mental health", "therapy",
  "sante", "maladie", "malade", "handicape", "handicapee", "medical", "medicale", "medicament", "medicaments", "therapie",
  // religion
  "religion", "religious", "church", "mosque", "synagogue", "temple", "pray", "prayer", "faith", "god", "ramadan", "sabbath",
  "religieux", "religieuse", "eglise", "mosquee", "prier", "priere", "foi", "dieu", "croyant", "croyante",
  // origin, ethnicity, nationality
  "origin", "origins", "ethnic", "ethnicity", "race", "racial", "nationality", "citizenship", "immigrant", "immigration", "native country", "where are you from", "where you are from", "accent", "mother tongue",
  "ethnie", "ethnique", "nationalite", "citoyennete", "immigre", "immigree", "pays d'origine", "d'ou venez-vous", "langue maternelle",
  // sex, gender, orientation
  "gender", "sex", "sexual", "orientation", "gay", "lesbian", "transgender",
  "sexe", "sexuel", "sexuelle", "homosexuel", "homosexuelle",
  // opinions and memberships
  "political", "politics", "vote", "union", "trade union", "politique", "syndicat", "syndique", "syndiquee",
];

// Technical phrases that contain a listed word but are about the job: removed before the check.
const JOB_PHRASES = /\b(?:race conditions?|data races?|health ?checks?|health endpoints?|union (?:types?|query|queries|all)|cross-origin|same-origin|origin servers?|child (?:process|processes|nodes?|components?)|parent-child)\b/g;

const PROTECTED = new RegExp(
  String.raw`(?<![\p{L}\p{N}'])(?:${PROTECTED_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\p{L}\p{N}])`,
  "u",
);

export type ConductProblem = "empty" | "too_long" | "not_a_question" | "score_or_outcome" | "protected_characteristic" | "repeats_a_question";

/** Whether a sentence reveals a score or an outcome, or touches a protected characteristic. */
export function conductProblem(text: string): "score_or_outcome" | "protected_characteristic" | null {
  const folded = fold(text);
  if (SCORE_OR_OUTCOME.some((p) => p.test(folded))) return "score_or_outcome";
  if (PROTECTED.test(folded.replace(JOB_PHRASES, " "))) return "protected_characteristic";
  return null;
}

/**
 * Why a model-phrased follow-up may not be said, or null when it may. `alreadyAsked` are the
 * questions of this interview so far: a follow-up must not repeat one of them.
 */
export function followUpProblem(text: string, alreadyAsked: readonly string[] = []): ConductProblem | null {
  const trimmed = text.trim();
  if (!trimmed) return "empty";
  if (trimmed.length > MAX_FOLLOW_UP_CHARS) return "too_long";
  if (!trimmed.includes("?")) return "not_a_question";
  const problem = conductProblem(trimmed);
  if (problem) return problem;
  if (alreadyAsked.some((q) => fold(q) === fold(trimmed))) return "repeats_a_question";
  return null;
}

/** The words of the protected list a text contains (for tests and logs). */
export function protectedWordsIn(text: string): string[] {
  const global = new RegExp(PROTECTED.source, "gu");
  return [...fold(text).replace(JOB_PHRASES, " ").matchAll(global)].map((m) => m[0]);
}

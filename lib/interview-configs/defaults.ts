import type { Criterion, InterviewQuestion, ScoreBands } from "./schema";

// Every organisation starts with this configuration, so an interview can be created before
// anyone has written one. Criteria judge what the candidate said, never how they sounded.
export const DEFAULT_SCORE_BANDS: ScoreBands = { strongYes: 85, yes: 70, noDecision: 50, no: 30 };

export const DEFAULT_CRITERIA: Criterion[] = [
  {
    key: "communication",
    label: "Clarity of communication",
    weight: 1,
    anchors: {
      "1": "Answers are hard to follow or do not address the question.",
      "3": "Answers address the question with some structure.",
      "5": "Answers are structured, concise and directly on point.",
    },
  },
  {
    key: "experience",
    label: "Relevant experience",
    weight: 2,
    anchors: {
      "1": "No concrete example related to the role.",
      "3": "Some related examples, with limited detail on their own contribution.",
      "5": "Specific, relevant examples with clear personal contribution and outcomes.",
    },
  },
  {
    key: "motivation",
    label: "Motivation for the role",
    weight: 1,
    anchors: {
      "1": "No stated reason for applying.",
      "3": "Generic reasons.",
      "5": "Specific reasons tied to the role and the organisation.",
    },
  },
];

export const DEFAULT_QUESTIONS: InterviewQuestion[] = [
  { id: "q1", text: "Could you walk me through your background and what led you to apply for this role?", followUps: [] },
  { id: "q2", text: "Tell me about a recent project you are proud of. What was your own contribution?", followUps: [] },
  { id: "q3", text: "Describe a time you had to solve a difficult problem under time pressure. What did you do?", followUps: [] },
  { id: "q4", text: "What would you want to learn or achieve in your first six months in this role?", followUps: [] },
];

export const DEFAULT_INTRO =
  "Hello, I am Parley, an AI interviewer. This conversation is recorded and transcribed, and a person on the hiring team will review it. I will ask a few questions about your experience; take your time to answer.";

export function defaultConfigValues() {
  return {
    name: "Standard screening",
    language: "en",
    maxDurationMinutes: 30,
    intro: DEFAULT_INTRO,
    questions: DEFAULT_QUESTIONS,
    criteria: DEFAULT_CRITERIA,
    scoreBands: DEFAULT_SCORE_BANDS,
  };
}

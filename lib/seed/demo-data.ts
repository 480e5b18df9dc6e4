import type { InterviewStatus } from "@/db/interviews";

// The demo organisation's content: enough to show every screen and every interview status.
export const DEMO_ORG = { name: "Northwind Robotics", slug: "demo" };
export const DEMO_LOGIN = { email: "demo@parley.localhost", password: "parley-demo" };

export const DEMO_JOBS = [
  { key: "backend", title: "Senior Backend Engineer", location: "Remote (EU)", description: "Design and run the services behind our fleet-management platform. TypeScript, PostgreSQL, event-driven systems." },
  { key: "success", title: "Customer Success Manager", location: "Lyon, France", description: "Own the relationship with our industrial customers from onboarding to renewal." },
] as const;

export const DEMO_CANDIDATES = [
  { firstName: "Amara", lastName: "Okafor", email: "amara.okafor@example.com", locale: "en" },
  { firstName: "Lucas", lastName: "Bernard", email: "lucas.bernard@example.com", locale: "fr" },
  { firstName: "Mei", lastName: "Tanaka", email: "mei.tanaka@example.com", locale: "en" },
  { firstName: "Jonas", lastName: "Weber", email: "jonas.weber@example.com", locale: "en" },
  { firstName: "Sofia", lastName: "Rossi", email: "sofia.rossi@example.com", locale: "en" },
  { firstName: "Élodie", lastName: "Martin", email: "elodie.martin@example.com", locale: "fr" },
] as const;

export type DemoTurn = { role: "agent" | "candidate"; content: string; evaluation?: Record<string, unknown> };

export const COMPLETED_TRANSCRIPT: DemoTurn[] = [
  { role: "agent", content: "Hello Amara, I am Parley, an AI interviewer. This conversation is recorded and a person on the hiring team will review it. Could you walk me through your background and what led you to apply for this role?" },
  { role: "candidate", content: "Sure. I have spent six years building backend systems, the last three at a logistics company where I led the migration of our dispatch service from a monolith to event-driven services on PostgreSQL and Kafka. I applied because your fleet platform has the same kind of real-time problems I enjoy solving.", evaluation: { criteria: { experience: 5, motivation: 4, communication: 4 }, flags: [] } },
  { role: "agent", content: "Tell me about a recent project you are proud of. What was your own contribution?" },
  { role: "candidate", content: "The dispatch migration. I wrote the design document, built the outbox pattern we used to publish events reliably, and cut p99 latency for assignment from two seconds to about two hundred milliseconds.", evaluation: { criteria: { experience: 5, communication: 5 }, flags: [] } },
  { role: "agent", content: "Describe a time you had to solve a difficult problem under time pressure. What did you do?" },
  { role: "candidate", content: "During a peak week a bad index made our main query time out. I found it with pg_stat_statements, added a partial index concurrently, and wrote a postmortem so we added query plans to code review.", evaluation: { criteria: { experience: 4, communication: 4 }, flags: [] } },
  { role: "agent", content: "What would you want to learn or achieve in your first six months in this role?" },
  { role: "candidate", content: "I would like to understand the robots' telemetry pipeline end to end and make the on-call rotation calmer by improving alerting.", evaluation: { criteria: { motivation: 4, communication: 4 }, flags: [] } },
  { role: "agent", content: "Thank you Amara, that is all my questions. The hiring team will be in touch." },
];

export const IN_PROGRESS_TRANSCRIPT: DemoTurn[] = [
  { role: "agent", content: "Hello Mei, I am Parley, an AI interviewer. This conversation is recorded. Could you walk me through your background and what led you to apply for this role?" },
  { role: "candidate", content: "I am a backend developer with four years of experience, mostly Go and PostgreSQL, and I am looking for a team that works on physical systems.", evaluation: { criteria: { experience: 3, motivation: 4 }, flags: [] } },
  { role: "agent", content: "Tell me about a recent project you are proud of. What was your own contribution?" },
];

export const DEMO_INTERVIEWS: { candidate: number; job: "backend" | "success"; status: InterviewStatus; transcript?: DemoTurn[]; inCampaign: boolean }[] = [
  { candidate: 0, job: "backend", status: "COMPLETED", transcript: COMPLETED_TRANSCRIPT, inCampaign: true },
  { candidate: 2, job: "backend", status: "IN_PROGRESS", transcript: IN_PROGRESS_TRANSCRIPT, inCampaign: true },
  { candidate: 3, job: "backend", status: "INVITED", inCampaign: true },
  { candidate: 4, job: "backend", status: "DRAFT", inCampaign: true },
  { candidate: 1, job: "success", status: "CANCELLED", inCampaign: false },
  { candidate: 5, job: "success", status: "EXPIRED", inCampaign: false },
];

export const COMPLETED_REPORT = {
  summary:
    "Amara described six years of backend work with specific, measurable outcomes: leading a monolith-to-events migration and cutting assignment latency from two seconds to about two hundred milliseconds. Answers were structured and on point.",
  strengths: ["Concrete ownership of a large migration", "Measured performance work", "Clear incident handling and follow-up"],
  concerns: ["Little said about working with non-engineering stakeholders"],
  criteria: [
    { key: "communication", score: 4, rationale: "Answers were structured and concise.", evidence: [{ turnNumber: 4, quote: "I wrote the design document" }] },
    { key: "experience", score: 5, rationale: "Specific, relevant examples with clear personal contribution.", evidence: [{ turnNumber: 4, quote: "cut p99 latency for assignment from two seconds to about two hundred milliseconds" }, { turnNumber: 6, quote: "added a partial index concurrently" }] },
    { key: "motivation", score: 4, rationale: "Tied the application to the platform's real-time problems.", evidence: [{ turnNumber: 2, quote: "your fleet platform has the same kind of real-time problems I enjoy solving" }] },
  ],
};

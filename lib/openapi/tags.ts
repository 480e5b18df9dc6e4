// The document's sections, in the order the reference shows them. Internal sections describe
// Parley's own callers (its voice agent, its console): they change without notice and refuse
// API keys, but are documented from the same declarations as the public API.
export const TAGS = [
  { name: "Interviews" },
  { name: "Reports" },
  { name: "Candidates" },
  { name: "Jobs" },
  { name: "Campaigns" },
  { name: "Interview configurations" },
  { name: "Webhooks" },
  { name: "Meta" },
  {
    name: "Voice agent (internal)",
    internal: true,
    description:
      "What Parley's voice agent calls while it interviews: record and correct turns, read the history after a restart, finalize. Authenticated with the agent secret or a LiveKit agent token for the interview's room; API keys are refused.",
  },
  {
    name: "Console (internal)",
    internal: true,
    description: "What the recruiter console calls with its session cookie: the live transcript stream and the interview page's refresh. API keys are refused.",
  },
  {
    name: "Candidate (internal)",
    internal: true,
    description:
      "What the candidate's invitation page calls: join (consent, voice or written), send a written answer, read the conversation. The token in the path is the credential; every answer is `Cache-Control: no-store` and `Referrer-Policy: no-referrer`.",
  },
] as const satisfies readonly { name: string; internal?: boolean; description?: string }[];

export type Tag = (typeof TAGS)[number]["name"];

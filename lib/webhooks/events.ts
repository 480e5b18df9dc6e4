export const WEBHOOK_EVENT_TYPES = [
  "interview.started",
  "interview.completed",
  "interview.cancelled",
  "interview.expired",
  "interview.human_requested",
  "report.ready",
  "report.failed",
  "interview.decision_recorded",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_TYPES = [
  "interview.started",
  "interview.completed",
  "interview.cancelled",
  "interview.expired",
  "report.ready",
  "report.failed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

import type { JobHandler, PeriodicTask } from "./types";

// Every kind of background job and what runs it. One line per kind; the owner of the
// handler adds it here when the handler exists.
export const jobHandlers: Record<string, JobHandler> = {};

// Scheduled work, shared by every process (each run is claimed by one of them).
export const periodicTasks: PeriodicTask[] = [];

import { env, type Env } from "@/lib/env";
import { interviewerFromEnv, type Interviewer } from "@/lib/interviewer";

let cached: { env: Env; interviewer: Interviewer } | undefined;

/**
 * The written interview's interviewer, made once per process (per reading of the settings):
 * its model client keeps its connections open across messages and interviews, instead of a
 * new TLS handshake to the model's server on every message.
 */
export function writtenInterviewer(): Interviewer {
  const e = env();
  if (cached?.env !== e) cached = { env: e, interviewer: interviewerFromEnv() };
  return cached.interviewer;
}

import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { env } from "@/lib/env";
import { createLimiter } from "./limiter";
import { reportOutputSchema, type ReportOutput } from "./model-output";
import { buildReportMessages, type ReportInput } from "./prompt";

/** Worth another attempt later: rate limit, server error, timeout, connection failure. */
export class TransientModelError extends Error {
  name = "TransientModelError";
}

/** The model answered, but not with the JSON the schema asks for (or refused). */
export class MalformedAnswerError extends Error {
  name = "MalformedAnswerError";
}

/** The request itself is wrong (bad key, unknown model, invalid request): retrying cannot help. */
export class PermanentModelError extends Error {
  name = "PermanentModelError";
}

// Shared by every report job of this process (REPORT_CONCURRENCY).
const limiter = createLimiter(() => env().REPORT_CONCURRENCY);

function client(): OpenAI {
  const { OPENAI_API_KEY, OPENAI_BASE_URL, REPORT_MODEL_TIMEOUT_MS } = env();
  // No retries inside the SDK: the queue retries with its backoff, so a job's attempts are
  // the whole story and maxAttempts really bounds the calls.
  return new OpenAI({ apiKey: OPENAI_API_KEY, baseURL: OPENAI_BASE_URL, timeout: REPORT_MODEL_TIMEOUT_MS, maxRetries: 0 });
}

function classify(err: unknown): Error {
  if (err instanceof OpenAI.APIConnectionError) return new TransientModelError(`Model request failed: ${err.message}`);
  if (err instanceof OpenAI.APIError) {
    const status = err.status ?? 0;
    const message = `Model request failed with HTTP ${status || "error"}: ${err.message}`;
    return status === 408 || status === 409 || status === 429 || status >= 500 || status === 0
      ? new TransientModelError(message)
      : new PermanentModelError(message);
  }
  return new TransientModelError(`Model request failed: ${(err as Error)?.message ?? String(err)}`);
}

/** Parses the message content against the schema; anything else is a MalformedAnswerError. */
function parseAnswer(completion: OpenAI.Chat.ChatCompletion, schema: ReturnType<typeof reportOutputSchema>): ReportOutput {
  const choice = completion.choices?.[0];
  if (!choice) throw new MalformedAnswerError("The model's answer had no choices.");
  if (choice.message?.refusal) throw new MalformedAnswerError(`The model refused: ${choice.message.refusal.slice(0, 200)}`);
  if (choice.finish_reason === "length") throw new MalformedAnswerError("The model's answer was cut off (token limit).");
  const content = choice.message?.content ?? "";
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new MalformedAnswerError(`The model's answer is not JSON: ${JSON.stringify(content.slice(0, 80))}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new MalformedAnswerError(`The model's answer does not match the report schema: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** One chat completion with structured output, within the process's concurrency limit. */
export async function callReportModel(input: ReportInput, signal?: AbortSignal): Promise<{ draft: ReportOutput; model: string }> {
  const schema = reportOutputSchema(input.criteria.map((c) => c.key));
  const model = env().OPENAI_MODEL;
  const completion = await limiter.run(async () => {
    try {
      return await client().chat.completions.create(
        { model, messages: buildReportMessages(input), response_format: zodResponseFormat(schema, "interview_report") },
        { signal },
      );
    } catch (err) {
      throw classify(err);
    }
  });
  return { draft: parseAnswer(completion, schema), model: completion.model || model };
}

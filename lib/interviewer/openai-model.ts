import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { InterviewerModel } from "./types";

export type OpenAIModelOptions = { apiKey: string; baseURL?: string; model: string; timeoutMs: number };

/**
 * The interviewer's model through the openai SDK: one chat completion with a strict JSON
 * schema per step. No retries: a step cannot wait, the engine's script is the fallback.
 * The client is made once, so its connections are reused across steps and interviews.
 */
export function openAIInterviewerModel(options: OpenAIModelOptions): InterviewerModel {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: 0 });
  return {
    name: options.model,
    async decide(request, signal) {
      const completion = await client.chat.completions.create(
        { model: options.model, messages: request.messages, response_format: zodResponseFormat(request.schema, "interviewer_step") },
        { signal },
      );
      const choice = completion.choices?.[0];
      if (!choice) throw new Error("the answer had no choices");
      if (choice.message?.refusal) throw new Error(`the model refused: ${choice.message.refusal.slice(0, 200)}`);
      if (choice.finish_reason === "length") throw new Error("the answer was cut off (token limit)");
      const content = choice.message?.content ?? "";
      try {
        return JSON.parse(content) as unknown;
      } catch {
        throw new Error(`the answer is not JSON: ${JSON.stringify(content.slice(0, 80))}`);
      }
    },
  };
}

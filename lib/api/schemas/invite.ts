import { z } from "zod";
import { interviewStatus as interviewStatusEnum } from "@/db/interviews";
import { timestamp } from "./common";

// The candidate's own endpoints (/api/invite/<token>/…): the token in the path is the
// credential. Contract: /work/CANDIDATE-API.md, docs/candidate-api.md.

export const MAX_MESSAGE_LENGTH = 4000;

export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const joinBody = z.object({
  consent: z.literal(true, { message: "must be true: the candidate agrees to the notice" }),
  mode: z.enum(["voice", "text"]).default("voice").describe("voice (LiveKit) or text (the written interview)."),
  noticeVersion: z.string().min(1).max(64).describe("The `version` of the consent notice the page showed; another version is a 422 (reload the page)."),
});
export type JoinInput = z.output<typeof joinBody>;

export const messageBody = z.object({
  clientMessageId: z.string().min(1).max(100).describe("The browser's id for this message: sending it again answers the same and writes nothing."),
  content: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH).describe(`The candidate's words, 1–${MAX_MESSAGE_LENGTH} characters after trimming.`),
});
export type MessageInput = z.output<typeof messageBody>;

export const candidateTurn = z
  .object({ turnNumber: z.number().int(), role: z.enum(["agent", "candidate"]), content: z.string(), createdAt: timestamp })
  .describe("A turn as the candidate sees it: never an evaluation, a score or a flag.");
export type CandidateTurn = z.output<typeof candidateTurn>;

export const progress = z.object({ asked: z.number().int(), total: z.number().int() }).describe("Question `asked` of `total`.");
export const time = z.object({ elapsedSeconds: z.number().int(), limitSeconds: z.number().int() });

const conversationState = { turns: z.array(candidateTurn), done: z.boolean(), progress, time };

export const joinTextResult = z.object({ mode: z.literal("text"), interviewId: z.string(), ...conversationState });
export const joinVoiceResult = z.object({ mode: z.literal("voice"), serverUrl: z.string(), token: z.string(), roomName: z.string(), identity: z.string() });
export const joinResult = z.discriminatedUnion("mode", [joinTextResult, joinVoiceResult]);
export type JoinTextOut = z.output<typeof joinTextResult>;
export type JoinVoiceOut = z.output<typeof joinVoiceResult>;
export type JoinOut = z.output<typeof joinResult>;

export const messageResult = z.object(conversationState).describe("`turns`: the candidate's turn, then the interviewer's reply turns.");
export type MessageOut = z.output<typeof messageResult>;

export const conversationResult = z.object({ status: z.enum(interviewStatusEnum.enumValues), ...conversationState });
export type ConversationOut = z.output<typeof conversationResult>;

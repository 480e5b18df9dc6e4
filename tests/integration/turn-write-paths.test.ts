import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { interviewTurns } from "@/db/interview-turns";
import { createTurnBody, type TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import { isId } from "@/lib/ids";
import { recordTurnInTransaction } from "@/lib/turns/record";
import { recordTurnInProgress } from "@/lib/turns/record-fast";
import { createTestInterview } from "../helpers/agent-fixtures";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// The agent's turn write has two paths (one prepared statement for the common case, a
// transaction for the rest). Whichever one a turn takes, the agent gets the same answer and
// the database holds the same row: only the id, the interview and the moment may differ.

const db = setupTestDatabase();
let ctx: Ctx;

beforeAll(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
});

const inProgress = async () => (await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" })).id;
const storedRow = async (turnId: string) => (await db.get().db.select().from(interviewTurns).where(eq(interviewTurns.id, turnId)))[0]!;

/** What may differ between two writes of the same input, after checking each is well formed. */
function withoutIdentity<T extends { id: string; interviewId: string; createdAt: unknown; updatedAt: unknown }>(turn: T, interviewId: string) {
  const { id, interviewId: own, createdAt, updatedAt, ...rest } = turn;
  expect(isId("turn", id)).toBe(true);
  expect(own).toBe(interviewId);
  expect(createdAt).toEqual(updatedAt);
  return rest;
}

function sameMoment(turn: TurnOut) {
  // The event id is updated_at in microseconds; the answer's updatedAt is the same instant in ms.
  expect(Math.floor(Number(turn.eventId) / 1000)).toBe(Date.parse(turn.updatedAt));
  expect(turn.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
}

const inputs = {
  "every field set": {
    turnNumber: 7,
    role: "candidate",
    content: "Ich würde zuerst messen — dann optimieren. \u{1F680}",
    audioUrl: "https://media.example.com/a/7.webm",
    isPendingQuestion: true,
    evaluation: { z: 1, a: { nested: [1, 2.5, "x", null, true] }, score: 4, big: 12345678901234, text: "quote \"this\"" },
  },
  "only what is required (defaults applied)": { turnNumber: 3, role: "agent" },
  "empty content, null audio and evaluation": { turnNumber: 1, role: "agent", content: "", audioUrl: null, evaluation: null },
} as const;

describe("the fast and the transactional turn write", () => {
  for (const [name, body] of Object.entries(inputs)) {
    it(`answer with the same turn and store the same row: ${name}`, async () => {
      const input = createTurnBody.parse(body);
      const [fastInterview, slowInterview] = [await inProgress(), await inProgress()];

      const fast = await recordTurnInProgress(db.get().db, ctx, fastInterview, input);
      const slow = await recordTurnInTransaction(db.get().db, ctx, slowInterview, input);

      expect(fast).not.toBeNull();
      expect(slow.created).toBe(true);
      sameMoment(fast!);
      sameMoment(slow.turn);
      expect(Object.keys(fast!).sort()).toEqual(Object.keys(slow.turn).sort());
      const { eventId: fastEvent, ...fastRest } = withoutIdentity(fast!, fastInterview);
      const { eventId: slowEvent, ...slowRest } = withoutIdentity(slow.turn, slowInterview);
      expect(fastEvent).toMatch(/^\d+$/);
      expect(slowEvent).toMatch(/^\d+$/);
      expect(fastRest).toEqual(slowRest);
      const { turnNumber, role, content, audioUrl, isPendingQuestion, evaluation } = input;
      expect(fastRest).toEqual({ turnNumber, role, content, audioUrl, isPendingQuestion, evaluation });

      const [fastRow, slowRow] = [await storedRow(fast!.id), await storedRow(slow.turn.id)];
      expect(withoutIdentity(fastRow, fastInterview)).toEqual(withoutIdentity(slowRow, slowInterview));
      expect(fastRow.organizationId).toBe(ctx.organizationId);
      // What the agent was told is what is stored.
      expect(fastRow.updatedAt.toISOString()).toBe(fast!.updatedAt);
      expect(slowRow.updatedAt.toISOString()).toBe(slow.turn.updatedAt);
    });
  }
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates } from "@/db/candidates";
import { emails } from "@/db/emails";
import { createInterviewFromConsole, newInterviewInput, newInterviewOptions, searchCandidates } from "@/lib/console/new-interview";
import { parseOr422 } from "@/lib/http/validate";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCampaign, insertCandidate, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;
const parse = (input: unknown) => parseOr422(newInterviewInput, input, "body");

describe("the console's new interview", () => {
  it("creates a new candidate and the interview together, queues the invitation, and returns the link", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const out = await createInterviewFromConsole(d(), ctx, parse({ candidate: { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }, jobId, sendInvite: true }));
    expect(out).toMatchObject({ status: "INVITED", candidate: { firstName: "Grace", email: "grace@example.com" }, invitationUrl: expect.stringContaining("/i/") });
    const queued = await d().select().from(emails).where(eq(emails.organizationId, ctx.organizationId));
    expect(queued).toHaveLength(1);
  });

  it("writes nothing when the interview is refused: no stray candidate", async () => {
    const { ctx } = await createTestOrg(d());
    const other = await createTestOrg(d());
    const foreignJob = await insertJob(d(), other.ctx);
    await expect(
      createInterviewFromConsole(d(), ctx, parse({ candidate: { firstName: "Stray", lastName: "Candidate", email: "stray@example.com" }, jobId: foreignJob })),
    ).rejects.toMatchObject({ status: 422, errors: [expect.objectContaining({ field: "jobId" })] });
    expect(await d().select().from(candidates).where(eq(candidates.organizationId, ctx.organizationId))).toHaveLength(0);
  });

  it("names the field: neither or both candidate forms, a bad e-mail", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const candidateId = await insertCandidate(d(), ctx);
    const fields = (input: unknown) => {
      try {
        parse(input);
        return [];
      } catch (err) {
        return (err as { errors: { field: string }[] }).errors.map((e) => e.field);
      }
    };
    expect(fields({ jobId })).toEqual(["candidateId"]);
    expect(fields({ jobId, candidateId, candidate: { firstName: "A", lastName: "B", email: "a@b.example" } })).toEqual(["candidate"]);
    expect(fields({ jobId, candidate: { firstName: "A", lastName: "B", email: "not-an-email" } })).toEqual(["candidate.email"]);
  });

  it("offers only the organisation's jobs, campaigns with their stages, and configurations", async () => {
    const { ctx } = await createTestOrg(d());
    const other = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx, "Mine");
    await insertJob(d(), other.ctx, "Theirs");
    const { campaignId, stageId } = await insertCampaign(d(), ctx, jobId);
    const options = await newInterviewOptions(d(), ctx);
    expect(options.jobs).toEqual([{ id: jobId, label: "Mine" }]);
    expect(options.campaigns).toEqual([{ id: campaignId, label: "Winter hiring", jobId, stages: [{ id: stageId, label: "AI screen" }] }]);
    expect(options.configs[0]).toMatchObject({ isDefault: true });
  });

  it("finds candidates by name or e-mail in the organisation only, with % and _ matching themselves", async () => {
    const { ctx } = await createTestOrg(d());
    const other = await createTestOrg(d());
    const ada = await insertCandidate(d(), ctx, { firstName: "Ada", lastName: "Lovelace", email: "ada_l@example.com" });
    await insertCandidate(d(), ctx, { firstName: "Alan", lastName: "Turing", email: "alan@example.com" });
    await insertCandidate(d(), other.ctx, { firstName: "Ada", lastName: "Other", email: "ada@other.example" });
    expect((await searchCandidates(d(), ctx, "ada lov")).map((c) => c.id)).toEqual([ada]);
    expect((await searchCandidates(d(), ctx, "a_l")).map((c) => c.id)).toEqual([ada]);
    expect(await searchCandidates(d(), ctx, "%")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { defaultConfigValues } from "@/lib/interview-configs/defaults";
import { interviewConfigContentSchema, type InterviewConfigContentInput } from "@/lib/interview-configs/schema";

// The one schema of a configuration's content: what an editor may save, and what is served.
const valid = (): InterviewConfigContentInput => structuredClone(defaultConfigValues());
const problems = (content: unknown) => {
  const result = interviewConfigContentSchema.safeParse(content);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("interview configuration schema", () => {
  it("accepts the default configuration as it is stored, unchanged", () => {
    expect(interviewConfigContentSchema.parse(valid())).toEqual(defaultConfigValues());
  });

  it("gives a question without follow-ups an empty list", () => {
    const content = valid();
    content.questions = [{ id: "q1", text: "Why this role?" }];
    expect(interviewConfigContentSchema.parse(content).questions).toEqual([{ id: "q1", text: "Why this role?", followUps: [] }]);
  });

  it("takes anchors for scores 1 to 5 only, any of them left out", () => {
    const content = valid();
    content.criteria[0]!.anchors = { "2": "Vague." };
    expect(problems(content)).toEqual([]);
    (content.criteria[0]!.anchors as Record<string, string>)["6"] = "Beyond the scale.";
    expect(problems(content)).toEqual([{ path: "criteria.0.anchors", message: 'Unrecognized key: "6"' }]);
  });

  it("names each field it refuses", () => {
    const content = valid();
    content.criteria[1]!.weight = 0;
    content.criteria[2]!.key = "Team work";
    content.scoreBands = { strongYes: 60, yes: 70, noDecision: 50, no: 30 };
    content.questions.push({ id: "q1", text: "Again?" });
    content.maxDurationMinutes = 0;
    expect(problems(content).map((p) => p.path).sort()).toEqual(["criteria.1.weight", "criteria.2.key", "maxDurationMinutes", "questions", "scoreBands"]);
  });

  it("refuses criteria with the same key, and a configuration without questions or criteria", () => {
    const content = valid();
    content.criteria = [content.criteria[0]!, { ...content.criteria[0]!, label: "Twice" }];
    expect(problems(content)).toEqual([{ path: "criteria", message: "criterion keys must be unique" }]);
    expect(problems({ ...valid(), questions: [], criteria: [] }).map((p) => p.path)).toEqual(["questions", "criteria"]);
  });
});

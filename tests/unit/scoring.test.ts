import { describe, expect, it } from "vitest";
import { overallScore, recommendationFor } from "@/lib/reports/scoring";

const bands = { strongYes: 85, yes: 70, noDecision: 50, no: 30 };

describe("scoring", () => {
  it("maps the weighted mean of 1–5 scores onto 0–100", () => {
    expect(overallScore([{ weight: 1, score: 5 }])).toBe(100);
    expect(overallScore([{ weight: 1, score: 1 }])).toBe(0);
    expect(overallScore([{ weight: 1, score: 5 }, { weight: 3, score: 1 }])).toBe(25);
  });

  it("leaves unscored criteria out, and has no score when nothing was scored", () => {
    expect(overallScore([{ weight: 1, score: 3 }, { weight: 5, score: null }])).toBe(50);
    expect(overallScore([{ weight: 1, score: null }])).toBeNull();
  });

  it("derives the recommendation from the configured bands (lower bounds)", () => {
    expect(recommendationFor(85, bands)).toBe("STRONG_YES");
    expect(recommendationFor(84.9, bands)).toBe("YES");
    expect(recommendationFor(50, bands)).toBe("NO_DECISION");
    expect(recommendationFor(30, bands)).toBe("NO");
    expect(recommendationFor(29, bands)).toBe("DEFINITELY_NO");
    expect(recommendationFor(null, bands)).toBe("NO_DECISION");
  });
});

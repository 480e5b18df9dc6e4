import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";

test("a recruiter records a decision that departs from the AI's recommendation; the reason is required and the decision shows everywhere", async ({ page }, testInfo) => {
  await page.goto("/interviews?status=COMPLETED");
  await page.getByTestId("interview-row").getByRole("link").first().click();
  await page.waitForURL(/\/interviews\/int_\w+$/);
  const interviewId = page.url().split("/interviews/")[1]!;
  await page.getByRole("link", { name: "Open the report" }).click();

  const card = page.getByTestId("decision-card");
  await expect(card).toContainText("No decision yet");
  await card.getByText("Advance", { exact: true }).click();
  await card.getByLabel("No, it departs from it").check();
  await card.getByRole("button", { name: "Record the decision" }).click();
  await expect(card.getByRole("alert")).toHaveText("Say why you depart from the recommendation.");
  await checkPage(page, testInfo, "report-decision-form");

  await card.getByLabel(/^Reason/).fill("Her system design answers were stronger than the score says.");
  await card.getByRole("button", { name: "Record the decision" }).click();
  await expect(card.getByTestId("current-decision")).toContainText("Advance");
  await expect(card.getByTestId("current-decision")).toContainText("departs from the AI's recommendation");
  await expect(card.getByTestId("current-decision")).toContainText("Her system design answers");

  // The console's JSON for the interview carries the same `decision` as GET /api/v1/interviews/:id.
  const json = await (await page.request.get(`/api/console/interviews/${interviewId}`)).json();
  expect(json.decision).toMatchObject({
    outcome: "ADVANCE",
    agreesWithRecommendation: false,
    reason: "Her system design answers were stronger than the score says.",
    decidedBy: { type: "user", name: expect.any(String) },
  });

  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByTestId("decision-summary")).toContainText("Advance");
  await page.goto("/interviews?status=COMPLETED");
  await expect(page.getByTestId("interview-row").first().getByTestId("decision-summary")).toContainText("Advance");
});

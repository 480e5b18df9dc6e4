import { expect, test, type Locator } from "@playwright/test";
import { checkPage } from "../support/axe";

/** The number in a chart table's row, by the row's header text and the column (1 = first number). */
async function cell(table: Locator, row: string | RegExp, column = 1): Promise<string> {
  return (await table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: row, exact: typeof row === "string" }) }).getByRole("cell").nth(column - 1).textContent())!.trim();
}

test("the dashboard's charts carry their numbers in tables; compare shows the demo job's completed interview, each score linked to its evidence", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("count-COMPLETED")).toContainText("1");

  // The demo seed: one interview in each status, the draft never invited, one completed with a report.
  const statuses = page.getByTestId("table-statuses");
  for (const status of ["Draft", "Invited", "In progress", "Completed", "Cancelled", "Expired"]) expect(await cell(statuses, status)).toBe("1");
  const completion = page.getByTestId("table-completion");
  expect(await cell(completion, "Invited")).toBe("5");
  expect(await cell(completion, "Completed")).toBe("1");
  expect(await cell(completion, "Completion rate")).toBe("20%");
  const weeks = page.getByTestId("table-weeks");
  await expect(weeks.getByRole("rowheader")).toHaveCount(12);
  const started = (await weeks.getByRole("cell").allTextContents()).map(Number);
  expect(started.reduce((a, b) => a + b, 0)).toBe(2); // the completed and the in-progress interviews
  const average = await cell(page.getByTestId("table-scores"), "Senior Backend Engineer");
  expect(Number(average)).toBeGreaterThan(0);
  expect(await cell(page.getByTestId("table-scores"), "Senior Backend Engineer", 2)).toBe("1");

  // The table is read by screen readers all along; sighted users can show it too.
  const card = page.getByTestId("chart-completion");
  await card.getByRole("button", { name: "Show the numbers" }).click();
  await expect(card.getByTestId("table-completion")).toBeVisible();
  await expect(card.getByRole("button", { name: "Hide the numbers" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("chart-decisions")).toBeVisible();
  await checkPage(page, testInfo, "dashboard");

  await page.getByRole("navigation").getByRole("link", { name: "Compare" }).first().click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(page.getByText("Choose a job or a campaign to compare")).toBeVisible();
  // The job picker searches as one types; the keyboard alone chooses.
  const job = page.getByRole("combobox", { name: "Job", exact: true });
  await job.fill("backend");
  await expect(page.getByRole("option", { name: "Senior Backend Engineer" })).toBeVisible();
  await job.press("ArrowDown");
  await job.press("Enter");
  await expect(page).toHaveURL(/\/compare\?job=job_\w+$/);
  const table = page.getByTestId("compare-table");
  await expect(table.getByTestId("compare-candidate")).toHaveText(["Amara Okafor"]);
  // The same score as the dashboard's average for the job, which has only this report.
  await expect(table.getByTestId("compare-overall")).toContainText(average);
  await expect(table.getByTestId("compare-criterion-experience")).toContainText("5/5");
  await expect(table.getByTestId("compare-score")).toHaveCount(3);
  await checkPage(page, testInfo, "compare");

  // Sorting is in the URL.
  await page.getByTestId("sort-overall").click();
  await expect(page).toHaveURL(/\/compare\?job=job_\w+&sort=asc$/);
  await expect(page.getByLabel("Order")).toHaveValue("asc");

  // On a phone the criteria stay in view while the candidates scroll sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(table.getByRole("rowheader", { name: "Experience" })).toHaveCSS("position", "sticky");
  await checkPage(page, testInfo, "compare-375px");

  // A score leads to its evidence: the criterion on the report, marked as the target.
  await table.getByTestId("compare-criterion-experience").getByTestId("compare-score").click();
  await expect(page).toHaveURL(/\/interviews\/int_\w+\/report#criterion-experience$/);
  await expect(page.locator(":target")).toHaveAttribute("data-testid", "criterion-experience");

  // A malformed or unknown id shows the pickers and says it is not found.
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const query of ["job=job_doesNotExist0000000000", "campaign=nonsense"]) {
    await page.goto(`/compare?${query}`);
    await expect(page.getByTestId("compare-not-found")).toContainText("not found");
    await expect(page.getByLabel("Job", { exact: true })).toBeVisible();
    await expect(page.getByTestId("compare-table")).toHaveCount(0);
  }
});

import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";
import { signIn } from "../support/login";

// Jobs and candidates set up from the console: each screen's main path, a field error from the
// API's own schema, archive, and axe on every screen (screenshots attached).

test("a recruiter creates a job, edits it, finds it in the list, and archives it out of the new-interview picker", async ({ page }, testInfo) => {
  const stamp = Date.now().toString(36);
  await signIn(page);
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await checkPage(page, testInfo, "jobs");

  await page.getByRole("link", { name: "New job" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New job" })).toBeVisible();
  await page.getByRole("button", { name: "Create the job" }).click();
  const form = page.getByTestId("job-form");
  await expect(form.getByRole("alert")).toHaveCount(1); // the title, from createJobBody
  await checkPage(page, testInfo, "job-new");

  await page.getByLabel("Title").fill(`QA Engineer ${stamp}`);
  await page.getByLabel("Location").fill("Lyon");
  await page.getByLabel("Description").fill("Keeps the releases honest.");
  await page.getByRole("button", { name: "Create the job" }).click();
  await expect(page).toHaveURL(/\/jobs\/job_/);
  const jobId = page.url().split("/jobs/")[1]!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`QA Engineer ${stamp}`);
  await expect(page.getByTestId("job-interviews-link")).toHaveAttribute("href", `/interviews?job=${jobId}`);
  await expect(page.getByTestId("job-compare-link")).toHaveAttribute("href", `/compare?job=${jobId}`);

  await page.getByLabel("Title").fill(`Senior QA Engineer ${stamp}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Senior QA Engineer ${stamp}`);
  await checkPage(page, testInfo, "job-detail");

  await page.goto("/jobs");
  await page.getByLabel("Search").fill(stamp);
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row")).toContainText(`Senior QA Engineer ${stamp}`);

  await page.getByRole("link", { name: `Senior QA Engineer ${stamp}`, exact: true }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("button", { name: "Archive the job" }).click();
  await expect(page.getByTestId("job-archived")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();

  // Gone from the active list and from the new-interview form's picker, there among the archived.
  await page.goto(`/jobs?q=${stamp}`);
  await expect(page.getByTestId("job-row")).toHaveCount(0);
  await page.goto(`/jobs?archived=archived&q=${stamp}`);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await page.goto("/interviews/new");
  await expect(page.getByLabel("Job", { exact: true }).locator("option", { hasText: stamp })).toHaveCount(0);
});

test("a recruiter creates a candidate, edits them, finds them, and sees their interview on their page", async ({ page }, testInfo) => {
  const stamp = Date.now().toString(36);
  const email = `ada-${stamp}@example.com`;
  await signIn(page);
  await page.goto("/candidates");
  await expect(page.getByRole("heading", { level: 1, name: "Candidates" })).toBeVisible();
  await checkPage(page, testInfo, "candidates");

  await page.getByRole("link", { name: "New candidate" }).first().click();
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByRole("button", { name: "Add the candidate" }).click();
  const form = page.getByTestId("candidate-form");
  await expect(form.getByRole("alert")).toHaveCount(3); // first name, last name, e-mail
  await checkPage(page, testInfo, "candidate-new");

  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Add the candidate" }).click();
  await expect(page).toHaveURL(/\/candidates\/cand_/);
  const candidateUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace");
  await expect(page.getByText("No interview yet")).toBeVisible();

  await page.getByLabel("Last name").fill("King");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada King");

  await page.goto("/candidates");
  await page.getByLabel("Search").fill(email);
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("candidate-row")).toHaveCount(1);
  await expect(page.getByTestId("candidate-row")).toContainText("Ada King");

  // An interview for them, from the new-interview form's candidate search.
  await page.goto("/interviews/new");
  await page.getByLabel("Find by name or e-mail").fill(email);
  await page.getByRole("radio", { name: /Ada King/ }).check();
  await page.getByRole("button", { name: "Create the interview" }).click();
  await expect(page.getByTestId("interview-created")).toBeVisible();

  await page.goto(candidateUrl);
  const row = page.getByTestId("interview-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("status-badge")).toHaveText("Invited");
  await checkPage(page, testInfo, "candidate-detail");
  await row.getByRole("link", { name: "Ada King" }).click();
  await expect(page).toHaveURL(/\/interviews\/int_/);
});

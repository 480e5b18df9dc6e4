import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";

test("a recruiter creates an interview for a new candidate from the form and gets the link and the e-mail's status", async ({ page }, testInfo) => {
  await page.goto("/interviews");
  await page.getByRole("link", { name: "New interview" }).click();
  await expect(page.getByRole("heading", { name: "New interview" })).toBeVisible();
  await page.getByLabel("A new candidate").check();
  await page.getByRole("button", { name: "Create the interview" }).click();
  // The server's validation, field by field, from the API's own schema.
  const form = page.getByRole("form", { name: "New interview" });
  await expect(form.getByRole("alert")).toHaveCount(3); // first name, last name, e-mail
  await checkPage(page, testInfo, "new-interview");

  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Last name").fill("Hopper");
  await page.getByLabel("E-mail", { exact: true }).fill(`grace-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Create the interview" }).click();
  const created = page.getByTestId("interview-created");
  await expect(created).toBeVisible();
  await expect(created.getByTestId("invitation-url")).toContainText("/i/");
  // Queued in the interview's own transaction; without an e-mail provider the worker then keeps
  // it in the local outbox (the interview page's timeline says so).
  await expect(created.getByTestId("email-status")).toHaveText(/queued for delivery|local outbox/);
  await created.getByRole("link", { name: "Open the interview" }).click();
  await expect(page.getByTestId("status-badge")).toHaveText("Invited");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Grace Hopper");
});

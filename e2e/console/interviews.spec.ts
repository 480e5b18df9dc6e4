import { expect, test } from "@playwright/test";
import { simulateInterview } from "@/lib/agent/simulator";
import { CONSOLE_SESSION, E2E_AGENT_SECRET } from "../../playwright.config";
import { checkPage } from "../support/axe";

test.describe.configure({ mode: "serial" });

test("the interview list filters by status in the URL and opens an interview", async ({ page }, testInfo) => {
  await page.goto("/interviews");
  await expect(page.getByTestId("interview-row")).toHaveCount(6);
  await checkPage(page, testInfo, "interviews");

  await page.getByTestId("tab-COMPLETED").click();
  await expect(page).toHaveURL(/status=COMPLETED/);
  await expect(page.getByTestId("interview-row")).toHaveCount(1);

  await page.getByLabel("Search").fill("zzz-nobody");
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
  await expect(page).toHaveURL(/q=zzz-nobody/);
});

test("a completed interview's report links each quote to its highlighted turn", async ({ page }, testInfo) => {
  await page.goto("/interviews?status=COMPLETED");
  await page.getByTestId("interview-row").getByRole("link").first().click();
  await expect(page.getByTestId("transcript")).toBeVisible();
  await checkPage(page, testInfo, "interview-completed");

  await page.getByRole("link", { name: "Open the report" }).click();
  await expect(page.getByTestId("advisory-notice")).toContainText("A person decides");
  await expect(page.getByTestId("criteria-table")).toBeVisible();
  await checkPage(page, testInfo, "report");

  const evidence = page.getByTestId("evidence-link").first();
  const href = await evidence.getAttribute("href");
  const turn = href!.split("#")[1]!;
  await evidence.click();
  await expect(page).toHaveURL(new RegExp(`#${turn}$`));
  const target = page.locator(`#${turn}`);
  await expect(target).toBeInViewport();
  // The :target style marks the quoted answer.
  await expect(target).toHaveCSS("background-color", /.+/);
  expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
});

test("the server-rendered page already holds the turns; new turns appear live without a reload", async ({ page, baseURL }, testInfo) => {
  await page.goto("/interviews?status=INVITED");
  await page.getByTestId("interview-row").getByRole("link").first().click();
  // The list shows status badges too: wait for the interview's own page before reading its id.
  await page.waitForURL(/\/interviews\/int_\w+$/);
  const interviewId = page.url().split("/interviews/")[1]!;
  await expect(page.getByTestId("status-badge")).toHaveText("Invited");

  const html = await (await page.request.get(`/interviews/${interviewId}`)).text();
  expect(html).toContain("No one has spoken yet");

  const played = simulateInterview({ baseUrl: baseURL!, interviewId, agentSecret: E2E_AGENT_SECRET, speed: "fast" });
  await expect(page.getByTestId("turn-1")).toBeVisible({ timeout: 30_000 });
  await played;
  await expect(page.getByTestId("turn-9")).toBeVisible({ timeout: 30_000 });
  await checkPage(page, testInfo, "interview-live");

  // A fresh render now contains the recorded turns in its HTML.
  const after = await (await page.request.get(`/interviews/${interviewId}`)).text();
  expect(after).toContain('data-testid="turn-1"');
});

test("an interview id that names nothing in this organisation is a 404 page", async ({ page }) => {
  const res = await page.goto("/interviews/int_0000000000000000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the console speaks French when the user chooses it", async ({ browser, page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitemradio", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  await page.goto("/interviews");
  await expect(page.getByRole("heading", { name: "Entretiens" })).toBeVisible();
  await checkPage(page, testInfo, "interviews-fr");
  // The choice is stored on the user: another browser of theirs, without the cookie, speaks French too.
  const other = await browser.newContext({ storageState: CONSOLE_SESSION });
  const elsewhere = await other.newPage();
  await elsewhere.goto("/");
  await expect(elsewhere.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  await other.close();
  // Back to English for the other specs of this browser's user.
  await page.getByRole("button", { name: /Menu du compte/ }).first().click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Interviews" })).toBeVisible();
});

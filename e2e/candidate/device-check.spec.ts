import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";
import { watchCsp } from "../support/csp";
import { consentAnd, createInvitation } from "../support/invitation";

test("the device check: browser supported, a level meter that moves with the (fake) microphone, microphone choice, speaker test", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request);
  await page.setViewportSize({ width: 390, height: 844 });
  const violations = await watchCsp(page);
  await page.goto(invitation.path);
  await consentAnd(page, "Talk by voice");

  await expect(page.getByText("Your browser can take a voice interview.")).toBeVisible();
  const meter = page.getByRole("meter", { name: "Microphone level" });
  await expect(meter).toBeVisible();
  await expect(meter).toHaveAttribute("aria-valuemin", "0");
  await expect(meter).toHaveAttribute("aria-valuemax", "100");
  // Chromium's fake device beeps: the level changes from one reading to a later one.
  const first = Number(await meter.getAttribute("aria-valuenow"));
  await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 10_000, intervals: [70] }).not.toBe(first);
  await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 10_000, intervals: [70] }).toBeGreaterThan(0);

  const choice = page.getByRole("combobox", { name: "Microphone to use" });
  await expect(choice).toBeVisible();
  const options = await choice.locator("option").allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await choice.selectOption({ index: 1 });
  await expect(meter).toBeVisible();

  await page.getByRole("button", { name: "Play a test sound" }).click();
  await expect(page.getByRole("button", { name: "Join the interview" })).toBeEnabled();
  await checkPage(page, testInfo, "candidate-device-check");
  // The README's picture, taken while the fake microphone beeps: rewritten only on request
  // (E2E_README_SCREENSHOTS=1), so a test run leaves the checkout as it found it.
  if (process.env.E2E_README_SCREENSHOTS === "1") {
    await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 10_000, intervals: [50] }).toBeGreaterThan(30);
    await page.screenshot({ path: "docs/screenshots/candidate-device-check.png", fullPage: true });
  }
  // Everything the page ran stayed inside its CSP (no eval, no foreign origin).
  expect(await violations()).toEqual([]);
});

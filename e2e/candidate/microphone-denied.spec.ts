import { expect, test } from "@playwright/test";
import { FAKE_MEDIA_ARGS } from "../../playwright.config";
import { checkPage } from "../support/axe";
import { consentAnd, createInvitation } from "../support/invitation";

// The project's browser grants the microphone by itself (--use-fake-ui-for-media-stream): this
// one is launched without that flag and grants nothing, so the page meets a real refusal.
test("a refused microphone: the page says what happened, how to allow it in this browser, and offers writing", async ({ playwright, request, baseURL }, testInfo) => {
  const launch = testInfo.project.use.launchOptions!;
  const browser = await playwright.chromium.launch({ ...launch, args: (launch.args ?? []).filter((a) => !FAKE_MEDIA_ARGS.includes(a) || a === "--use-fake-device-for-media-stream") });
  try {
    const context = await browser.newContext({ baseURL, permissions: [] });
    const page = await context.newPage();
    const invitation = await createInvitation(request);
    await page.goto(invitation.path);
    await consentAnd(page, "Talk by voice");

    const help = page.getByTestId("microphone-denied");
    await expect(help).toBeVisible();
    await expect(help.getByText("Your browser is blocking the microphone")).toBeVisible();
    // Chromium's own words: the icon left of the address bar.
    await expect(help.getByText(/left of the address bar/)).toBeVisible();
    await expect(page.getByRole("meter")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Join the interview" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Type my answers instead" })).toBeVisible();
    await checkPage(page, testInfo, "candidate-microphone-denied");
  } finally {
    await browser.close();
  }
});

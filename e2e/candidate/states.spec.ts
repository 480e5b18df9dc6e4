import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";
import { cancelInterview, completeInWriting, createInvitation } from "../support/invitation";

// Every state of an invitation link has its own page, each calm and accessible.

test("an open link: who invites, the notice with its version, the consent box, and both ways to answer", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request, { firstName: "Grace" });
  const res = await page.goto(invitation.path);
  expect(res!.status()).toBe(200);
  expect(res!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Grace" })).toBeVisible();
  await expect(page.getByText(/invited you to a first interview for the Analytical Engineer position/)).toBeVisible();
  const notice = page.getByTestId("consent-notice");
  await expect(notice).toHaveAttribute("data-notice-version", /^[0-9a-f]{16}$/);
  await expect(notice.getByRole("heading", { name: "An AI interviewer" })).toBeVisible();
  await expect(notice.getByText(/recorded and transcribed/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /I have read the information above/ })).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Talk by voice" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Type my answers instead" })).toBeVisible();
  await checkPage(page, testInfo, "candidate-open");
});

test("a French candidate reads the page in French", async ({ page, request }) => {
  const invitation = await createInvitation(request, { firstName: "Chloé", locale: "fr" });
  await page.goto(invitation.path);
  await expect(page.getByRole("heading", { level: 1, name: "Bienvenue, Chloé" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Écrire mes réponses plutôt" })).toBeVisible();
  await expect(page.locator("main")).toHaveAttribute("lang", "fr");
});

test("a cancelled link says so and names nothing", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request);
  await cancelInterview(request, invitation.id);
  await page.goto(invitation.path);
  await expect(page.getByRole("heading", { name: "This interview was cancelled" })).toBeVisible();
  await expect(page.getByText("Analytical Engineer")).toHaveCount(0);
  await checkPage(page, testInfo, "candidate-cancelled");
});

test("an expired link says so", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request, { expiresAt: new Date(Date.now() + 1500).toISOString() });
  // The link lapses on its own a moment later; the page reads the state on every visit.
  await expect
    .poll(async () => {
      await page.goto(invitation.path);
      return page.getByTestId("invitation-expired").count();
    })
    .toBe(1);
  await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await checkPage(page, testInfo, "candidate-expired");
});

test("a completed interview's link says it is complete", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request);
  await completeInWriting(request, invitation);
  await page.goto(invitation.path);
  await expect(page.getByRole("heading", { name: "This interview is complete" })).toBeVisible();
  await checkPage(page, testInfo, "candidate-completed");
});

test("an unknown link answers HTTP 404 with a page that names no interview", async ({ page }, testInfo) => {
  for (const token of ["A".repeat(43), "not-a-token"]) {
    const res = await page.goto(`/i/${token}`);
    expect(res!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  }
  await checkPage(page, testInfo, "candidate-unknown");
});

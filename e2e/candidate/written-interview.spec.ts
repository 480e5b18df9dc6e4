import { expect, test } from "@playwright/test";
import { checkPage } from "../support/axe";
import { watchCsp } from "../support/csp";
import { createInvitation, interviewStatus } from "../support/invitation";
import { signIn } from "../support/login";

// A candidate takes the whole interview in writing from the invitation link, keyboard only, on
// a phone-sized screen, with no keys configured: the scripted interviewer asks the questions.
test("a candidate completes a written interview from the link; a reload resumes it; a failed send is retried with the same id; the recruiter watches it live and reads the report", async ({ browser, page, request }, testInfo) => {
  const invitation = await createInvitation(request, { sendInvite: true });
  await page.setViewportSize({ width: 375, height: 740 });
  const sent: { clientMessageId: string; content: string }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/messages")) sent.push(r.postDataJSON());
  });

  const violations = await watchCsp(page);
  await page.goto(invitation.path);
  const box = page.getByRole("checkbox", { name: /I have read the information above/ });
  await box.focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Type my answers instead" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Your interview" })).toBeFocused();
  const conversation = page.getByRole("list", { name: "Conversation with the interviewer" });
  await expect(conversation.locator('[data-role="agent"]').first()).toBeVisible();
  await expect(page.getByTestId("progress")).toHaveText(/^Question 1 of \d+$/);
  await expect(page.getByTestId("time-used")).toBeVisible();
  await checkPage(page, testInfo, "candidate-chat");

  const answer = page.getByRole("textbox", { name: "Your answer" });
  // Shift+Enter is a new line, Enter sends.
  await answer.focus();
  await page.keyboard.type("I led the migration of our billing system.");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("It took six months.");
  await expect(answer).toHaveValue("I led the migration of our billing system.\nIt took six months.");
  const agentTurns = conversation.locator('[data-role="agent"]');
  const before = await agentTurns.count();
  await page.keyboard.press("Enter");
  await expect(conversation.locator('[data-role="candidate"]').first()).toContainText("It took six months.");
  await expect(agentTurns).toHaveCount(before + 1);
  // The interviewer's new words are announced politely to screen readers.
  const announcer = page.getByTestId("chat-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toContainText(/^The interviewer: .+/);
  await expect(page.getByTestId("progress")).toHaveText(/^Question 2 of \d+$/);

  // A recruiter opens the interview in the console while it runs.
  const recruiter = await browser.newContext();
  const desk = await recruiter.newPage();
  await signIn(desk);
  await desk.goto(`/interviews/${invitation.id}`);
  const transcript = desk.getByTestId("transcript");
  await expect(transcript).toContainText("It took six months.");

  // The network fails once: the answer stays, "Send again" sends it under the same id.
  await page.route("**/api/invite/*/messages", (route) => route.abort("internetdisconnected"), { times: 1 });
  await answer.fill("Second answer: I mentor two junior engineers.");
  await answer.press("Enter");
  await expect(page.getByTestId("send-failed-network")).toBeVisible();
  await expect(answer).toHaveAttribute("readonly", "");
  await page.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByTestId("send-failed-network")).toHaveCount(0);
  await expect(answer).not.toHaveAttribute("readonly", "");
  // The recruiter's page grew by itself: the live stream, no reload.
  await expect(transcript).toContainText("Second answer: I mentor two junior engineers.");
  const retried = sent.filter((m) => m.content.startsWith("Second answer"));
  expect(retried).toHaveLength(2);
  expect(retried[1]!.clientMessageId).toBe(retried[0]!.clientMessageId);
  expect(retried[0]!.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);

  // A reload resumes the conversation where it was, without the consent step.
  const turnsBefore = await conversation.locator("li").count();
  await page.reload();
  await expect(conversation.locator("li")).toHaveCount(turnsBefore);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  // Answer until the interviewer closes; each answer is on the server (it has its turn number) before the next.
  const confirmed = conversation.locator('[data-role="candidate"][data-turn]');
  for (let i = 0; i < 20 && (await page.getByTestId("chat-done").count()) === 0; i++) {
    const answered = await confirmed.count();
    await answer.fill(`Answer ${i + 3}: a concrete example, the result, and what I learned.`);
    await answer.press("Enter");
    await expect(confirmed).toHaveCount(answered + 1);
  }
  await expect(page.getByRole("heading", { name: "Thank you, the interview is complete" })).toBeFocused();
  await checkPage(page, testInfo, "candidate-chat-done");
  await expect.poll(() => interviewStatus(request, invitation.id)).toBe("COMPLETED");
  // Everything the page ran stayed inside its CSP (no eval, no foreign origin).
  expect(await violations()).toEqual([]);

  // The recruiter saw the end live, and the report is written by the app's own worker (the
  // documented heuristic scorer: no model key here).
  await expect(transcript).toContainText(/Answer \d+: a concrete example/);
  await desk.goto(`/interviews/${invitation.id}/report`);
  await expect(async () => {
    await desk.reload();
    await expect(desk.getByTestId("criteria-table")).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await recruiter.close();

  // The link is now closed, and says so.
  await page.reload();
  await expect(page.getByRole("heading", { name: "This interview is complete" })).toBeVisible();
});

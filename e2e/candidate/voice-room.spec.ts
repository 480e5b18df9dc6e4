import { expect, type Page, type Route, test } from "@playwright/test";
import { checkPage } from "../support/axe";
import { consentAnd, createInvitation, driveRoom, useFakeRoom } from "../support/invitation";

// No LiveKit server runs here: the voice join is answered by the test, and the room is the
// fake one (window.parleyFakeRoom), driven through the states the real one reports.

const VOICE_JOIN = { mode: "voice", serverUrl: "ws://127.0.0.1:7999", token: "e2e-room-token", roomName: "interview-e2e", identity: "candidate-e2e" };

/** Answers the voice join with `answer` (the text join goes to the server); returns the join bodies seen. */
async function answerVoiceJoin(page: Page, answer: (route: Route) => Promise<void>) {
  const bodies: unknown[] = [];
  await page.route("**/api/invite/*/join", async (route) => {
    const body = route.request().postDataJSON();
    bodies.push(body);
    if (body?.mode === "voice") await answer(route);
    else await route.continue();
  });
  return bodies;
}

const joined = (route: Route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...VOICE_JOIN, token: `e2e-room-token-${Date.now()}` }) });
const problem = (route: Route, status: number, code: string, headers: Record<string, string> = {}) =>
  route.fulfill({ status, contentType: "application/problem+json", headers, body: JSON.stringify({ status, code, title: "x", detail: "x" }) });

async function toDeviceCheck(page: Page, path: string) {
  await page.goto(path);
  await consentAnd(page, "Talk by voice");
  await expect(page.getByRole("meter", { name: "Microphone level" })).toBeVisible();
}

test("the room shows who has the floor, the interviewer's captions, time used, mute, and a clear end", async ({ page, request }, testInfo) => {
  const invitation = await createInvitation(request);
  await useFakeRoom(page);
  const bodies = await answerVoiceJoin(page, joined);
  await toDeviceCheck(page, invitation.path);
  await page.getByRole("button", { name: "Join the interview" }).click();

  const phase = page.getByTestId("room-phase");
  await expect(phase).toHaveAttribute("data-phase", "connecting");
  await expect(phase).toContainText("Connecting…");
  expect(bodies).toEqual([{ consent: true, mode: "voice", noticeVersion: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
  await expect(page.getByTestId("time-used")).toContainText(/0:00 of \d+ min/);

  await driveRoom(page, { phase: "speaking", caption: "Hello Ada, thank you for joining. Let's start." });
  await expect(phase).toHaveAttribute("data-phase", "speaking");
  await expect(phase).toContainText("The interviewer is speaking");
  await expect(page.getByTestId("captions")).toContainText("Hello Ada, thank you for joining.");
  await checkPage(page, testInfo, "candidate-room-speaking");

  await driveRoom(page, { phase: "listening" });
  await expect(phase).toHaveAttribute("data-phase", "listening");
  await expect(phase).toContainText("Your turn");
  // Time runs once the interviewer is there.
  await expect(page.getByTestId("time-used")).not.toContainText("0:00 of");

  await driveRoom(page, { phase: "thinking" });
  await expect(phase).toContainText("The interviewer is thinking");

  const mute = page.getByRole("button", { name: "Mute my microphone" });
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("muted-note")).toBeVisible();
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "false");

  await driveRoom(page, { phase: "reconnecting" });
  await expect(phase).toHaveAttribute("data-phase", "reconnecting");
  await expect(phase).toContainText("Reconnecting…");
  await checkPage(page, testInfo, "candidate-room-reconnecting");
  await driveRoom(page, { phase: "listening" });
  await expect(phase).toHaveAttribute("data-phase", "listening");

  await driveRoom(page, { phase: "ended", endReason: "finished" });
  await expect(page.getByRole("heading", { name: "Thank you, the interview is over" })).toBeFocused();
  await checkPage(page, testInfo, "candidate-room-ended");
  // Finished: a reload no longer offers to rejoin.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /I have read the information above/ })).toBeVisible();
});

test("leaving asks first; after leaving, or after a reload, the candidate can rejoin", async ({ page, request }) => {
  const invitation = await createInvitation(request);
  await useFakeRoom(page);
  const bodies = await answerVoiceJoin(page, joined);
  await toDeviceCheck(page, invitation.path);
  await page.getByRole("button", { name: "Join the interview" }).click();
  await driveRoom(page, { phase: "listening" });

  await page.getByRole("button", { name: "Leave the interview" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave the interview?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay" }).first().click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("room-phase")).toHaveAttribute("data-phase", "listening");

  await page.getByRole("button", { name: "Leave the interview" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Leave", exact: true }).click();
  await expect(page.getByRole("heading", { name: "You left the interview" })).toBeVisible();
  await page.getByRole("button", { name: "Rejoin the interview" }).click();
  await expect(page.getByTestId("room-phase")).toHaveAttribute("data-phase", "connecting");
  expect(bodies).toHaveLength(2);

  // A refresh while the interview runs: one click rejoins (browsers play sound only after one).
  await driveRoom(page, { phase: "speaking" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await page.getByRole("button", { name: "Rejoin the interview" }).click();
  await expect(page.getByTestId("room-phase")).toHaveAttribute("data-phase", "connecting");
  expect(bodies).toHaveLength(3);

  // A connection lost for good also offers to rejoin.
  await driveRoom(page, { phase: "ended", endReason: "lost" });
  await expect(page.getByRole("heading", { name: "The connection was lost" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rejoin the interview" })).toBeVisible();
});

test("dead ends explain themselves: voice unavailable falls back to writing, too many attempts, network down, a closed interview", async ({ page, request }) => {
  const invitation = await createInvitation(request);
  await useFakeRoom(page);
  const answers: ((route: Route) => Promise<void>)[] = [
    (route) => problem(route, 429, "rate_limited", { "Retry-After": "7" }),
    (route) => route.abort("internetdisconnected"),
    (route) => problem(route, 503, "voice_unavailable"),
  ];
  await answerVoiceJoin(page, (route) => answers.shift()!(route));
  await toDeviceCheck(page, invitation.path);
  const join = page.getByRole("button", { name: "Join the interview" });

  await join.click();
  await expect(page.getByRole("alert").filter({ hasText: "Please wait 7 seconds, then try again." })).toBeVisible();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "We could not reach Parley." })).toBeVisible();
  await page.getByRole("button", { name: "Try again" }).click();

  // 503 voice_unavailable: back to the choice, where writing is the way.
  await expect(page.getByTestId("voice-off")).toContainText("Voice is not available at the moment.");
  await expect(page.getByRole("button", { name: "Talk by voice" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Type my answers instead" })).toBeVisible();

  // A closed interview (410) gets its own screen.
  const closed = await createInvitation(request);
  await page.unrouteAll();
  await answerVoiceJoin(page, (route) => problem(route, 410, "interview_cancelled"));
  await toDeviceCheck(page, closed.path);
  await page.getByRole("button", { name: "Join the interview" }).click();
  await expect(page.getByRole("heading", { name: "This interview was cancelled" })).toBeVisible();
});

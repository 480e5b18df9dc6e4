import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiKey } from "./api";

const auth = () => ({ Authorization: `Bearer ${apiKey()}` });

export type Invitation = { id: string; token: string; path: string };

/** A fresh candidate, job and interview through the public API, as an applicant tracker makes them; its link's path. */
export async function createInvitation(
  request: APIRequestContext,
  options: { firstName?: string; locale?: string; expiresAt?: string; sendInvite?: boolean } = {},
): Promise<Invitation> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const candidate = await request.post("/api/v1/candidates", {
    headers: auth(),
    data: { firstName: options.firstName ?? "Ada", lastName: "Lovelace", email: `ada-${suffix}@example.com`, locale: options.locale ?? "en" },
  });
  expect(candidate.status()).toBe(201);
  const job = await request.post("/api/v1/jobs", { headers: auth(), data: { title: "Analytical Engineer", location: "London" } });
  expect(job.status()).toBe(201);
  const created = await request.post("/api/v1/interviews", {
    headers: auth(),
    data: { candidateId: (await candidate.json()).id, jobId: (await job.json()).id, sendInvite: options.sendInvite ?? false, ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}) },
  });
  expect(created.status()).toBe(201);
  const interview = await created.json();
  const path = new URL(interview.invitationUrl).pathname;
  return { id: interview.id, token: path.split("/").pop()!, path };
}

export async function interviewStatus(request: APIRequestContext, id: string): Promise<string> {
  const res = await request.get(`/api/v1/interviews/${id}`, { headers: auth() });
  expect(res.status()).toBe(200);
  return (await res.json()).status;
}

export async function cancelInterview(request: APIRequestContext, id: string): Promise<void> {
  const res = await request.post(`/api/v1/interviews/${id}/cancel`, { headers: auth(), data: {} });
  expect(res.status()).toBe(200);
}

/** The whole written interview through the candidate's endpoints, answering every question, until the interviewer ends it. */
export async function completeInWriting(request: APIRequestContext, invitation: Invitation): Promise<void> {
  const notice = await noticeVersion(request, invitation.path);
  const joined = await request.post(`/api/invite/${invitation.token}/join`, { data: { consent: true, mode: "text", noticeVersion: notice } });
  expect(joined.status()).toBe(200);
  let done = (await joined.json()).done as boolean;
  for (let i = 0; !done && i < 30; i++) {
    const res = await request.post(`/api/invite/${invitation.token}/messages`, { data: { clientMessageId: `e2e-${i}`, content: `My answer number ${i + 1}, with an example from my last project.` } });
    expect(res.status()).toBe(200);
    done = (await res.json()).done;
  }
  expect(done).toBe(true);
}

/** The notice version the page shows (what a consent must name). */
export async function noticeVersion(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  const version = html.match(/data-notice-version="([0-9a-f]{16})"/)?.[1];
  expect(version, "the page shows a versioned notice").toBeTruthy();
  return version!;
}

/** Ticks the consent box and picks a way to answer. */
export async function consentAnd(page: Page, choice: "Talk by voice" | "Type my answers instead") {
  await page.getByRole("checkbox", { name: /I have read the information above/ }).check();
  await page.getByRole("button", { name: choice }).click();
}

/** Before the page loads: the room factory hands out the fake room (components/candidate/room/room-factory.ts). */
export async function useFakeRoom(page: Page) {
  await page.addInitScript(() => {
    (window as Window & { parleyFakeRoom?: object }).parleyFakeRoom = {};
  });
}

type FakeRoomWindow = Window & { parleyFakeRoom?: { room?: { drive: (x: unknown) => void; joined: unknown; left: boolean } } };

/** Drives the fake room as the interviewer and the connection would, once the page has joined it (the room loads asynchronously). */
export async function driveRoom(page: Page, drive: { phase?: string; caption?: string; agentPresent?: boolean; endReason?: string }) {
  const room = await page.waitForFunction(() => {
    const r = (window as FakeRoomWindow).parleyFakeRoom?.room;
    return r && r.joined && !r.left ? true : false;
  });
  await room.dispose();
  await page.evaluate((d) => (window as FakeRoomWindow).parleyFakeRoom!.room!.drive(d), drive);
}

import { type Browser, expect, type Page } from "@playwright/test";
import { ACCESS_SESSIONS } from "../../playwright.config";

// The access project's roles: pages signed in from the sessions e2e/setup/access.setup.ts
// stored, and a server action's request kept from one role's browser to replay from another's.

export type Role = keyof typeof ACCESS_SESSIONS;
export type ServerActionRequest = { url: string; headers: Record<string, string>; body: string };

/** A page signed in as the role, from the session stored for it. */
export async function pageAs(browser: Browser, role: Role = "owner"): Promise<Page> {
  return (await browser.newContext({ storageState: ACCESS_SESSIONS[role] })).newPage();
}

/** Runs `act` (a click that calls a server action) and answers the request it sent. */
export async function captureServerAction(page: Page, act: () => Promise<void>): Promise<ServerActionRequest> {
  const request = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await act();
  const sent = await request;
  return { url: sent.url(), headers: await sent.allHeaders(), body: sent.postData() ?? "" };
}

/** Replays a server action from `page`'s session: everything the first browser sent except who it was. */
export async function expectForbiddenReplay(page: Page, captured: ServerActionRequest | undefined) {
  expect(captured, "the owner's request was captured").toBeDefined();
  const headers = Object.fromEntries(Object.entries(captured!.headers).filter(([name]) => !["cookie", "content-length", "host"].includes(name)));
  const res = await page.request.post(captured!.url, { headers, data: captured!.body });
  const text = await res.text();
  expect(text).toContain('"code":"forbidden"');
  expect(text).toContain('"status":403');
}

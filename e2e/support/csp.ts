import type { Page } from "@playwright/test";

type Watched = Window & { __cspViolations?: string[]; next?: unknown };

/**
 * Records the page's Content-Security-Policy violations from the first byte (init scripts are
 * injected by the browser itself, outside the page's policy). Call before the first goto.
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as Watched;
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as Watched).__cspViolations ?? []);
}

/** Next's client runtime has started: its scripts were allowed to run (they carry the nonce). */
export const runtimeStarted = (page: Page) => page.waitForFunction(() => typeof (window as Watched).next === "object", undefined, { timeout: 30_000 });

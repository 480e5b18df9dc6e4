import fs from "node:fs";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { THEME_COOKIE } from "@/lib/console/preferences";
import { CONSOLE_SESSION } from "../../playwright.config";
import { checkPage } from "../support/axe";
import { SIGNED_OUT } from "../support/sessions";

// Every console screen at a phone's and a desktop's width, light and dark, English and French:
// a full-page screenshot of each (test artifacts), axe, no sideways scrolling on the phone, and
// on French pages no console message left in English. E2E_README_SCREENSHOTS=1 also rewrites the
// README's screenshots (light, English, 1280 px).

const WIDTHS = [375, 1280] as const;
const THEMES = ["light", "dark"] as const;
const LANGUAGES = ["en", "fr"] as const;
// The candidate's pages have their own namespaces and specs.
const NOT_CONSOLE = new Set(["invitation", "candidate"]);

type Messages = { [key: string]: string | Messages };
const flatten = (messages: Messages, prefix = ""): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));

/**
 * English console messages that a French page must not show: those whose French differs, with
 * no placeholder, and that are not themselves a French message somewhere (e.g. "Dashboard", but
 * not "Version").
 */
function englishOnly(): Set<string> {
  const console = (m: Messages) => Object.fromEntries(Object.entries(m).filter(([ns]) => !NOT_CONSOLE.has(ns))) as Messages;
  const french = new Map(flatten(console(fr as Messages)));
  const frenchValues = new Set(french.values());
  return new Set(
    flatten(console(en as Messages))
      .filter(([key, value]) => !/[{}<]/.test(value) && value.trim().length > 2 && french.get(key) !== value && !frenchValues.has(value))
      .map(([, value]) => value.trim()),
  );
}

/** Every text the page shows or announces: text nodes, and labels a screen reader reads. */
const pageTexts = (page: Page) =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, template")) continue;
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });

type Screen = { name: string; path: () => string; signedOut?: boolean; ready: (page: Page) => Promise<void>; status?: number };

let interviewId = "";
let jobId = "";

const screens: Screen[] = [
  { name: "dashboard", path: () => "/", ready: (p) => expect(p.getByTestId("table-statuses")).toBeAttached() },
  { name: "interviews", path: () => "/interviews", ready: (p) => expect(p.getByTestId("interview-row").first()).toBeVisible() },
  { name: "new-interview", path: () => "/interviews/new", ready: (p) => expect(p.getByRole("form")).toBeVisible() },
  { name: "interview", path: () => `/interviews/${interviewId}`, ready: (p) => expect(p.getByTestId("transcript")).toBeVisible() },
  { name: "report", path: () => `/interviews/${interviewId}/report`, ready: (p) => expect(p.getByTestId("criteria-table")).toBeVisible() },
  { name: "compare", path: () => `/compare?job=${jobId}`, ready: (p) => expect(p.getByTestId("compare-table")).toBeVisible() },
  { name: "login", path: () => "/login", signedOut: true, ready: (p) => expect(p.locator("form")).toBeVisible() },
  { name: "not-found", path: () => "/interviews/int_0000000000000000000000", status: 404, ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
];


test.beforeAll(async ({ browser }) => {
  // The demo seed's completed interview (it has a report; other specs complete more) and its job.
  const page = await (await browser.newContext({ storageState: CONSOLE_SESSION })).newPage();
  await page.goto("/interviews?status=COMPLETED&q=Amara");
  const href = await page.getByTestId("interview-row").first().getByRole("link").first().getAttribute("href");
  interviewId = href!.split("/interviews/")[1]!;
  await page.goto("/compare");
  const job = page.getByRole("combobox", { name: "Job", exact: true });
  await job.fill("backend");
  await page.getByRole("option", { name: "Senior Backend Engineer" }).click();
  await page.waitForURL(/\/compare\?job=job_\w+$/);
  jobId = new URL(page.url()).searchParams.get("job")!;
  await page.context().close();
});

async function prefer(context: BrowserContext, baseURL: string, theme: string, language: string) {
  await context.addCookies([THEME_COOKIE, LOCALE_COOKIE].map((name, i) => ({ name, value: i === 0 ? theme : language, url: baseURL, httpOnly: true, sameSite: "Lax" as const })));
}

const untranslated = englishOnly();

// Every pair of a width, a theme and a language appears in these four runs (a pairwise
// cover of the eight): what breaks with one combination of two shows. E2E_ALL_SCREENS=1 runs
// all eight, as a review before a release does.
const ALL = WIDTHS.flatMap((width) => THEMES.flatMap((theme) => LANGUAGES.map((language) => ({ width, theme, language }))));
const PAIRWISE = ALL.filter(({ width, theme, language }) => ((width === 375) === (theme === "light")) !== (language === "en"));
const RUNS = process.env.E2E_ALL_SCREENS === "1" ? ALL : PAIRWISE;

for (const { width, theme, language } of RUNS) {
      test(`every screen at ${width} px, ${theme}, ${language}`, async ({ browser, page, baseURL }, testInfo) => {
        test.setTimeout(240_000);
        const signedOut = await browser.newContext({ storageState: SIGNED_OUT });
        for (const context of [page.context(), signedOut]) await prefer(context, baseURL!, theme, language);
        const anonymous = await signedOut.newPage();
        for (const p of [page, anonymous]) await p.setViewportSize({ width, height: 800 });

        for (const screen of screens) {
          const tab = screen.signedOut ? anonymous : page;
          const label = `${screen.name} ${width}px ${theme} ${language}`;
          await test.step(label, async () => {
            const res = await tab.goto(screen.path());
            expect(res?.status(), label).toBe(screen.status ?? 200);
            await screen.ready(tab);
            expect(await tab.evaluate(() => document.documentElement.lang), label).toBe(language);
            expect(await tab.evaluate(() => document.documentElement.classList.contains("dark")), label).toBe(theme === "dark");
            if (width === 375) {
              const { scrollWidth, innerWidth } = await tab.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
              expect.soft(scrollWidth, `${label}: no sideways scrolling`).toBeLessThanOrEqual(innerWidth);
            }
            if (language === "fr") {
              const english = [...new Set((await pageTexts(tab)).filter((text) => untranslated.has(text)))];
              expect.soft(english, `${label}: English left on a French page`).toEqual([]);
            }
            await checkPage(tab, testInfo, `${screen.name}-${width}px-${theme}-${language}`);
            if (process.env.E2E_README_SCREENSHOTS && width === 1280 && theme === "light" && language === "en" && (screen.name === "interview" || screen.name === "report")) {
              // A viewport as tall as the page rather than a full-page capture, which paints the
              // sticky sidebar's panel only as far down as the first screen.
              const height = await tab.evaluate(() => document.scrollingElement!.scrollHeight);
              await tab.setViewportSize({ width, height });
              fs.writeFileSync(`docs/screenshots/${screen.name}.png`, await tab.screenshot());
              await tab.setViewportSize({ width, height: 800 });
            }
          });
        }
        await signedOut.close();
      });
    }

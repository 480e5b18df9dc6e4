import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** No serious or critical accessibility violation on the page as it stands; a screenshot for the record. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  // The screenshot first, and a soft check: a failing page still leaves its picture and the test
  // goes on to report the other pages' violations too.
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name}.png`, { path: file, contentType: "image/png" });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

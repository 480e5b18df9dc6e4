import { test as setup } from "@playwright/test";
import { CONSOLE_SESSION } from "../../playwright.config";
import { signIn } from "../support/login";

// Signs the demo owner in once; the console specs start from this session (the sign-in form
// has its own test in foundation.spec.ts, and sessions.spec.ts signs in for itself).
setup("the demo owner signs in once", async ({ page }) => {
  await signIn(page);
  await page.context().storageState({ path: CONSOLE_SESSION });
});

import { test as setup } from "@playwright/test";
import { ACCESS_SESSIONS } from "../../playwright.config";
import { OUTSIDER, VIEWER } from "../support/api";
import { DEMO, signIn } from "../support/login";

// One session per role on the API server's folder, stored for roles.spec.ts.
for (const [role, credentials] of [["owner", DEMO], ["viewer", VIEWER], ["outsider", OUTSIDER]] as const) {
  setup(`the ${role} signs in once`, async ({ browser }) => {
    const context = await browser.newContext();
    await signIn(await context.newPage(), credentials);
    await context.storageState({ path: ACCESS_SESSIONS[role] });
    await context.close();
  });
}

import { expect, type Page, test } from "@playwright/test";
import { apiKey } from "../support/api";
import { checkPage } from "../support/axe";
import { captureServerAction, expectForbiddenReplay, pageAs, type ServerActionRequest } from "../support/roles";

// Roles and tenancy are checked on the server: a viewer's page shows no action, and the same
// server action forged from the viewer's session is refused; another organisation's member gets
// a 404 for a URL copied from the first. Runs on the API server's folder (see playwright.config).

test.describe.configure({ mode: "serial" });

let interviewId = "";
let reportId = "";
let ownerDecisionId = "";
let forged: ServerActionRequest | undefined;

const api = (page: Page, path: string) => page.request.get(path, { headers: { authorization: `Bearer ${apiKey()}` } });

test("the owner records a decision from the report page, and the public API shows it on the interview and the report", async ({ browser }) => {
  const owner = await pageAs(browser);
  const list = await (await api(owner, "/api/v1/interviews?status=COMPLETED")).json();
  interviewId = list.data[0].id;
  await owner.goto(`/interviews/${interviewId}/report`);
  const card = owner.getByTestId("decision-card");
  await card.getByText("Hold", { exact: true }).click();
  await card.getByLabel("No, it departs from it").check();
  await card.getByLabel(/^Reason/).fill("Waiting for the second interview before deciding.");
  // Keep the server action's request: the viewer replays it below.
  forged = await captureServerAction(owner, () => card.getByRole("button", { name: "Record the decision" }).click());
  await expect(card.getByTestId("current-decision")).toContainText("Hold");

  const interview = await (await api(owner, `/api/v1/interviews/${interviewId}`)).json();
  expect(interview.decision).toMatchObject({ outcome: "HOLD", agreesWithRecommendation: false, reason: "Waiting for the second interview before deciding.", decidedBy: { type: "user", name: "Demo Recruiter" } });
  ownerDecisionId = interview.decision.id;
  reportId = interview.reportId;
  const report = await (await api(owner, `/api/v1/reports/${reportId}`)).json();
  expect(report.decision).toMatchObject({ id: ownerDecisionId, outcome: "HOLD" });
});

test("a viewer sees no action, and the owner's server action forged from the viewer's session is refused", async ({ browser }, testInfo) => {
  const viewer = await pageAs(browser, "viewer");
  await viewer.goto(`/interviews/${interviewId}/report`);
  await expect(viewer.getByTestId("current-decision")).toContainText("Hold");
  await expect(viewer.getByRole("button", { name: /decision/i })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Regenerate" })).toHaveCount(0);
  await checkPage(viewer, testInfo, "report-viewer");
  await viewer.goto(`/interviews/${interviewId}`);
  await expect(viewer.getByTestId("transcript")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Cancel|Resend/ })).toHaveCount(0);
  await viewer.goto("/interviews/new");
  await expect(viewer.getByRole("note")).toContainText("can read but not create");

  await expectForbiddenReplay(viewer, forged);
  const interview = await (await api(viewer, `/api/v1/interviews/${interviewId}`)).json();
  expect(interview.decision.id, "no decision was recorded by the forged call").toBe(ownerDecisionId);
});

test("a member of another organisation gets a 404 for a URL copied from the first", async ({ browser }) => {
  const outsider = await pageAs(browser, "outsider");
  for (const path of [`/interviews/${interviewId}`, `/interviews/${interviewId}/report`]) {
    const res = await outsider.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(outsider.getByText("Waiting for the second interview")).toHaveCount(0);
  }
  const json = await outsider.request.get(`/api/console/interviews/${interviewId}`);
  expect(json.status()).toBe(404);
});

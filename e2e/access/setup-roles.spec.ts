import { expect, test } from "@playwright/test";
import { apiKey } from "../support/api";
import { checkPage } from "../support/axe";
import { captureServerAction, expectForbiddenReplay, pageAs, type ServerActionRequest } from "../support/roles";

// The jobs and candidates screens check role and organisation on the server: a viewer sees no
// control and the owner's archive action forged from the viewer's session is refused; another
// organisation's member gets a 404 page. Runs on the API server's folder (see playwright.config).

test.describe.configure({ mode: "serial" });

let jobId = "";
let candidateId = "";
let forged: ServerActionRequest | undefined;

const auth = () => ({ authorization: `Bearer ${apiKey()}` });

test("the owner archives a job from its page (the request is kept), then restores it through the API", async ({ browser }) => {
  const owner = await pageAs(browser);
  const stamp = Date.now().toString(36);
  jobId = (await (await owner.request.post("/api/v1/jobs", { headers: auth(), data: { title: `Roles job ${stamp}` } })).json()).id;
  candidateId = (await (await owner.request.post("/api/v1/candidates", { headers: auth(), data: { firstName: "Rosa", lastName: "Parks", email: `rosa-${stamp}@example.com` } })).json()).id;

  await owner.goto(`/jobs/${jobId}`);
  await owner.getByRole("button", { name: "Archive" }).click();
  forged = await captureServerAction(owner, () => owner.getByRole("button", { name: "Archive the job" }).click());
  await expect(owner.getByTestId("job-archived")).toBeVisible();

  const restored = await owner.request.patch(`/api/v1/jobs/${jobId}`, { headers: auth(), data: { archived: false } });
  expect((await restored.json()).archivedAt).toBeNull();
});

test("a viewer reads jobs and candidates without any control, and the forged archive is refused", async ({ browser }, testInfo) => {
  const viewer = await pageAs(browser, "viewer");
  await viewer.goto("/jobs");
  await expect(viewer.getByRole("link", { name: "New job" })).toHaveCount(0);
  await viewer.goto(`/jobs/${jobId}`);
  await expect(viewer.getByRole("heading", { level: 1 })).toContainText("Roles job");
  await expect(viewer.getByRole("button", { name: /Archive|Restore|Save/ })).toHaveCount(0);
  await expect(viewer.getByTestId("job-form")).toHaveCount(0);
  await checkPage(viewer, testInfo, "job-viewer");
  await viewer.goto(`/candidates/${candidateId}`);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("Rosa Parks");
  await expect(viewer.getByTestId("candidate-form")).toHaveCount(0);
  await viewer.goto("/candidates/new");
  await expect(viewer.getByRole("note")).toContainText("can read candidates but not");

  await expectForbiddenReplay(viewer, forged);
  const job = await (await viewer.request.get(`/api/v1/jobs/${jobId}`, { headers: auth() })).json();
  expect(job.archivedAt, "the forged call archived nothing").toBeNull();
});

test("a member of another organisation gets a 404 page for the job and the candidate", async ({ browser }) => {
  const outsider = await pageAs(browser, "outsider");
  for (const path of [`/jobs/${jobId}`, `/candidates/${candidateId}`]) {
    const res = await outsider.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(outsider.getByText(/Roles job|Rosa Parks/)).toHaveCount(0);
  }
});

import { expect, test } from "@playwright/test";
import { apiKey } from "../support/api";

// An applicant tracker's first integration, end to end against `next start`: create the
// candidate and the job, create the interview, find it in the list, read it back.
test("create, list and retrieve an interview through the public API", async ({ request }) => {
  const headers = { Authorization: `Bearer ${apiKey()}` };

  const candidate = await request.post("/api/v1/candidates", {
    headers,
    data: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", locale: "en", externalId: "ats-cand-1" },
  });
  expect(candidate.status()).toBe(201);
  const candidateId = (await candidate.json()).id;

  const job = await request.post("/api/v1/jobs", { headers, data: { title: "Analytical Engineer", location: "London" } });
  expect(job.status()).toBe(201);
  const jobId = (await job.json()).id;

  const created = await request.post("/api/v1/interviews", {
    headers: { ...headers, "Idempotency-Key": "e2e-walk-1" },
    data: { candidateId, jobId, sendInvite: true },
  });
  expect(created.status()).toBe(201);
  const interview = await created.json();
  expect(interview).toMatchObject({ status: "INVITED", candidate: { id: candidateId }, job: { id: jobId } });
  expect(interview.invitationUrl).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
  expect(created.headers()["request-id"]).toMatch(/^req_/);

  const replay = await request.post("/api/v1/interviews", {
    headers: { ...headers, "Idempotency-Key": "e2e-walk-1" },
    data: { candidateId, jobId, sendInvite: true },
  });
  expect((await replay.json()).id).toBe(interview.id);

  const list = await request.get(`/api/v1/interviews?jobId=${jobId}`, { headers });
  expect(list.status()).toBe(200);
  const page = await list.json();
  expect(page.data.map((i: { id: string }) => i.id)).toEqual([interview.id]);
  expect(page.pagination).toMatchObject({ page: 1, total: 1, hasMore: false });

  const read = await request.get(`/api/v1/interviews/${interview.id}`, { headers });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id: interview.id, status: "INVITED", transcript: [], evaluation: null });

  const foreign = await request.get(`/api/v1/interviews/int_0000000000000000000000`, { headers });
  expect(foreign.status()).toBe(404);
  expect(foreign.headers()["content-type"]).toContain("application/problem+json");
});

test("the invitation link opens the candidate's page", async ({ request, page }) => {
  const headers = { Authorization: `Bearer ${apiKey()}` };
  const [candidates, jobs] = await Promise.all([request.get("/api/v1/candidates", { headers }), request.get("/api/v1/jobs", { headers })]);
  const candidateId = (await candidates.json()).data[0].id;
  const jobId = (await jobs.json()).data[0].id;
  const created = await request.post("/api/v1/interviews", { headers, data: { candidateId, jobId, sendInvite: false } });
  const { invitationUrl, status } = await created.json();
  expect(status).toBe("DRAFT");
  await page.goto(new URL(invitationUrl).pathname);
  await expect(page.getByText(/AI/).first()).toBeVisible();
  await expect(page.getByText(/record/i).first()).toBeVisible();
});

test("the API reference renders from the OpenAPI document", async ({ request, page }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Parley API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "POST /api/v1/interviews", exact: true })).toBeVisible();
});

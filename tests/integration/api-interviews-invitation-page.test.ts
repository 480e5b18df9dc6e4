import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import UnknownInvitation from "@/app/i/[token]/not-found";
import InvitationPage from "@/app/i/[token]/page";
import type { Ctx } from "@/lib/context";
import { newInvitationToken } from "@/lib/invitation-token";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertInterview, interviewWorld } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;
const render = async (token: string) => renderToStaticMarkup(await InvitationPage({ params: Promise.resolve({ token }) }));

describe("invitation link page /i/:token", () => {
  let ctx: Ctx;
  let world: { candidateId: string; jobId: string };
  beforeAll(async () => {
    ({ ctx } = await createTestOrg(d(), "Acme Robotics"));
    world = await interviewWorld(d(), ctx);
  });

  it("a valid link names the organisation and the job, shows the notice with its version, the consent checkbox and the way to answer in writing", async () => {
    for (const status of ["DRAFT", "INVITED", "IN_PROGRESS"] as const) {
      const { token } = await insertInterview(d(), ctx, world, { status });
      const html = await render(token);
      expect(html).toContain("Acme Robotics");
      expect(html).toContain("Analytical Engineer");
      expect(html).toContain("Welcome, Ada");
      expect(html).toMatch(/interviewer is an AI/);
      expect(html).toMatch(/recorded/);
      expect(html).toMatch(/person on the hiring team at Acme Robotics reviews/);
      expect(html).toMatch(/data-testid="consent-notice" data-notice-version="[0-9a-f]{16}"/);
      expect(html).toMatch(/role="checkbox"[^>]*aria-checked="false"/);
      expect(html).toContain("Type my answers instead");
      // No LiveKit in tests: voice is not offered, and the page says why.
      expect(html).not.toContain("Talk by voice");
      expect(html).toContain('data-testid="voice-off"');
    }
  });

  it("speaks French to a French-speaking candidate", async () => {
    const fr = await interviewWorld(d(), ctx, { locale: "fr-FR", firstName: "Chloé" });
    const { token } = await insertInterview(d(), ctx, fr);
    const html = await render(token);
    expect(html).toContain("Bienvenue, Chloé");
    expect(html).toMatch(/est une IA/);
    expect(html).toMatch(/enregistrée/);
  });

  it("closed or unknown links get a kind message that names neither the organisation nor the job", async () => {
    const cases = [
      ["cancelled", (await insertInterview(d(), ctx, world, { status: "CANCELLED" })).token],
      ["expired", (await insertInterview(d(), ctx, world, { status: "INVITED", expiresAt: new Date(Date.now() - 1000) })).token],
      ["expired", (await insertInterview(d(), ctx, world, { status: "EXPIRED", expiresAt: new Date(Date.now() - 1000) })).token],
      ["completed", (await insertInterview(d(), ctx, world, { status: "COMPLETED" })).token],
    ] as const;
    for (const [reason, token] of cases) {
      const html = await render(token);
      expect(html, reason).toContain(`data-testid="invitation-${reason}"`);
      expect(html).not.toContain("Acme Robotics");
      expect(html).not.toContain("Analytical Engineer");
      expect(html).not.toContain("Ada");
    }
  });

  it("an unknown or malformed link is a 404 whose page names no interview", async () => {
    for (const token of [newInvitationToken().token, "not-a-token"]) {
      await expect(render(token)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    }
    const html = renderToStaticMarkup(UnknownInvitation());
    expect(html).toContain('data-testid="invitation-unknown"');
    expect(html).toContain("This link does not work");
  });
});

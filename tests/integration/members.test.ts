import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/audit-events";
import type { MembershipRole } from "@/db/memberships";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { changeMemberRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove";
import { revokeMemberSessions } from "@/lib/members/sessions";
import { getMembership } from "@/lib/users";
import { createConsoleUser } from "../helpers/console-auth";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// Who may change the team, and the organisation always keeps an owner.
const db = setupTestDatabase();
let system: Ctx;
const as = (userId: string, role: MembershipRole): Ctx => ({ organizationId: system.organizationId, actor: { type: "user", id: userId, role } });
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeEach(async () => {
  ({ ctx: system } = await createTestOrg(db.get().db));
});

describe("team management", () => {
  it("owners and admins manage members; recruiters and viewers may not", async () => {
    const admin = await createConsoleUser(db.get().db, system, "admin");
    const recruiter = await createConsoleUser(db.get().db, system, "recruiter");
    const viewer = await createConsoleUser(db.get().db, system, "viewer");
    expect(await code(changeMemberRole(db.get().db, as(recruiter.id, "recruiter"), { userId: viewer.id, role: "admin" }))).toBe("forbidden");
    expect(await code(removeMember(db.get().db, as(viewer.id, "viewer"), { userId: recruiter.id }))).toBe("forbidden");
    expect(await code(changeMemberRole(db.get().db, as(admin.id, "admin"), { userId: viewer.id, role: "recruiter" }))).toBe("ok");
    expect(await code(removeMember(db.get().db, as(admin.id, "admin"), { userId: recruiter.id }))).toBe("ok");
    expect(await getMembership(db.get().db, recruiter.id, system.organizationId)).toBeNull();
    const [audit] = await db.get().db.select().from(auditEvents).where(and(eq(auditEvents.action, "member.removed"), eq(auditEvents.targetId, recruiter.id)));
    expect(audit).toMatchObject({ actorType: "user", actorId: admin.id, organizationId: system.organizationId });
  });

  it("only an owner touches the owner role, and the last owner stays", async () => {
    const owner = await createConsoleUser(db.get().db, system, "owner");
    const admin = await createConsoleUser(db.get().db, system, "admin");
    expect(await code(changeMemberRole(db.get().db, as(admin.id, "admin"), { userId: admin.id, role: "owner" }))).toBe("forbidden");
    expect(await code(removeMember(db.get().db, as(admin.id, "admin"), { userId: owner.id }))).toBe("forbidden");
    expect(await code(changeMemberRole(db.get().db, as(owner.id, "owner"), { userId: owner.id, role: "admin" }))).toBe("invalid_state");
    expect(await code(removeMember(db.get().db, as(owner.id, "owner"), { userId: owner.id }))).toBe("invalid_state");
    expect(await code(changeMemberRole(db.get().db, as(owner.id, "owner"), { userId: admin.id, role: "owner" }))).toBe("ok");
    // Two owners now: one may step down.
    expect(await code(changeMemberRole(db.get().db, as(owner.id, "owner"), { userId: owner.id, role: "admin" }))).toBe("ok");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const a = await createConsoleUser(db.get().db, system, "owner");
    const b = await createConsoleUser(db.get().db, system, "owner");
    const results = await Promise.all([
      code(changeMemberRole(db.get().db, as(a.id, "owner"), { userId: b.id, role: "admin" })),
      code(changeMemberRole(db.get().db, as(b.id, "owner"), { userId: a.id, role: "admin" })),
    ]);
    expect(results.sort()).toEqual(["invalid_state", "ok"]);
  });

  it("another organisation's member is not found; members may sign themselves out everywhere", async () => {
    const { ctx: other } = await createTestOrg(db.get().db);
    const stranger = await createConsoleUser(db.get().db, other, "recruiter");
    const recruiter = await createConsoleUser(db.get().db, system, "recruiter");
    expect(await code(removeMember(db.get().db, system, { userId: stranger.id }))).toBe("not_found");
    expect(await code(changeMemberRole(db.get().db, system, { userId: stranger.id, role: "viewer" }))).toBe("not_found");
    expect(await code(revokeMemberSessions(db.get().db, system, { userId: stranger.id }))).toBe("not_found");
    expect(await code(revokeMemberSessions(db.get().db, as(recruiter.id, "recruiter"), { userId: recruiter.id }))).toBe("ok");
    const admin = await createConsoleUser(db.get().db, system, "admin");
    expect(await code(revokeMemberSessions(db.get().db, as(recruiter.id, "recruiter"), { userId: admin.id }))).toBe("forbidden");
  });
});

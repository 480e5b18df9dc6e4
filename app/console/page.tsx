import { redirect } from "next/navigation";
import { auth, signOut } from "@/auth";
import { SiteHeader } from "@/components/site-header";
import { interviewStatus } from "@/db/interviews";
import { getDb } from "@/lib/db/client";
import { countInterviewsByStatus } from "@/lib/interviews/stats";

export const metadata = { title: "Console" };

export default async function ConsolePage() {
  const session = await auth();
  if (!session?.user?.organizationId) redirect("/login");
  const ctx = { organizationId: session.user.organizationId, actor: { type: "user" as const, id: session.user.id, role: session.user.role as "viewer" } };
  const counts = await countInterviewsByStatus(await getDb(), ctx);
  return (
    <>
      <SiteHeader>
        <span className="muted">{session.user.email}</span>
        <form
          action={async () => {
            "use server";
            await signOut({ redirectTo: "/login" });
          }}
        >
          <button className="button secondary" type="submit">
            Sign out
          </button>
        </form>
      </SiteHeader>
      <main>
        <h1>{session.user.organizationName}</h1>
        <section className="grid" aria-label="Interviews by status">
          {interviewStatus.enumValues.map((s) => (
            <div key={s} className="card" data-testid={`count-${s}`}>
              <div className="muted">{s.replace("_", " ").toLowerCase()}</div>
              <strong style={{ fontSize: "1.6rem" }}>{counts[s]}</strong>
            </div>
          ))}
        </section>
      </main>
    </>
  );
}

import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export default function HomePage() {
  return (
    <>
      <SiteHeader>
        <Link href="/login">Sign in</Link>
      </SiteHeader>
      <main>
        <h1>Structured first interviews, run by an AI, decided by people.</h1>
        <p className="muted">
          Parley&apos;s voice agent interviews each candidate in the browser. Recruiters follow the transcript live and read a
          report whose every claim quotes what the candidate actually said.
        </p>
        <div className="grid" style={{ marginTop: "2rem" }}>
          <section className="card">
            <h2>Recruiters</h2>
            <p>Jobs, candidates, campaigns, interview configurations, live transcripts and reports.</p>
            <Link className="button" href="/login">
              Open the console
            </Link>
          </section>
          <section className="card">
            <h2>Integrators</h2>
            <p>A REST API for applicant trackers: create interviews, send invitations, read reports.</p>
            <Link className="button secondary" href="/api/health">
              API health
            </Link>
          </section>
        </div>
      </main>
    </>
  );
}

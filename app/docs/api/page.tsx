import Link from "next/link";
import { OperationCard } from "@/components/api-docs/operation-card";
import { SiteHeader } from "@/components/site-header";
import { openApiDocument } from "@/lib/openapi";

export const metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

type Json = Record<string, unknown>;

export default function ApiDocsPage() {
  const doc = openApiDocument() as Json & {
    info: Json;
    tags: { name: string; description?: string }[];
    paths: Record<string, Record<string, Json>>;
    components: { responses: Record<string, Json> };
  };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = doc.tags.map((t) => t.name);
  const tagDescription = (tag: string) => doc.tags.find((t) => t.name === tag)?.description;
  return (
    <>
      <SiteHeader>
        <Link href="/api/v1/openapi.json">openapi.json</Link>
      </SiteHeader>
      <main className="mx-auto max-w-4xl px-4 py-8 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_p]:my-2 [&_a]:text-primary">
        <h1>Parley API reference</h1>
        <p className="text-muted-foreground">
          Version {String(doc.info.version)}. Generated from the same schemas the API validates with; download{" "}
          <Link href="/api/v1/openapi.json">openapi.json</Link> for your client generator.
        </p>
        {String(doc.info.description)
          .split("\n\n")
          .map((para) => (
            <p key={para}>{para}</p>
          ))}
        <nav aria-label="Endpoints" className="my-4 rounded-lg border bg-card p-5 [&_ul]:mb-3 [&_ul]:mt-1 [&_ul]:list-disc [&_ul]:pl-5">
          {tags.map((tag) => (
            <div key={tag}>
              <strong>{tag}</strong>
              <ul>
                {ops
                  .filter((o) => (o.op.tags as string[])[0] === tag)
                  .map((o) => (
                    <li key={`${o.method} ${o.path}`}>
                      <a href={`#${String(o.op.operationId)}`}>
                        {o.method.toUpperCase()} {o.path}
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        {tags.map((tag) => (
          <section key={tag} aria-label={tag}>
            <h2>{tag}</h2>
            {tagDescription(tag) ? <p className="text-muted-foreground">{tagDescription(tag)}</p> : null}
            {ops
              .filter((o) => (o.op.tags as string[])[0] === tag)
              .map((o) => (
                <OperationCard key={`${o.method} ${o.path}`} method={o.method} path={o.path} op={o.op} />
              ))}
          </section>
        ))}
        <h2>Errors</h2>
        {Object.entries(doc.components.responses).map(([name, r]) => (
          <p key={name} id={`error-${name.slice(1)}`}>
            <code>{name.slice(1)}</code> {String(r.description)}
          </p>
        ))}
      </main>
    </>
  );
}

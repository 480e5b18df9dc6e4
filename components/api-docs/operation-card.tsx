type Json = Record<string, unknown>;

// Dark enough for white text in both themes.
const METHOD_COLOURS: Record<string, string> = { get: "bg-emerald-800", post: "bg-blue-800", patch: "bg-amber-800", put: "bg-amber-800", delete: "bg-red-800" };

function Example({ value }: { value: unknown }) {
  return <pre className="my-2 overflow-x-auto rounded-md bg-foreground p-3 text-xs text-background">{JSON.stringify(value, null, 2)}</pre>;
}

/** One endpoint of the OpenAPI document, as a reader wants it: what, who may, what goes in and out. */
export function OperationCard({ method, path, op }: { method: string; path: string; op: Json }) {
  const params = (op.parameters as Json[] | undefined)?.filter((p) => !("$ref" in p)) ?? [];
  const body = (op.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.["application/json"];
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
  const id = String(op.operationId);
  return (
    <section className="my-4 scroll-mt-4 rounded-lg border bg-card p-5" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <span className={`inline-block min-w-16 rounded px-1.5 py-0.5 text-center text-xs font-bold text-white ${METHOD_COLOURS[method] ?? "bg-neutral-600"}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>
        <strong>{String(op.summary)}</strong>
        {op["x-required-scope"] ? (
          <>
            {" "}
            <span className="rounded-full border bg-muted px-2 py-0.5 text-xs font-medium">scope {String(op["x-required-scope"])}</span>
          </>
        ) : null}
        {op["x-internal"] ? (
          <>
            {" "}
            <span className="rounded-full border border-dashed bg-muted px-2 py-0.5 text-xs font-medium">internal</span>
          </>
        ) : null}
      </p>
      {op.description ? <p className="mt-1 text-sm text-muted-foreground">{String(op.description)}</p> : null}
      {params.length ? (
        <table className="mt-3 w-full text-left text-sm [&_td]:border-b [&_td]:px-2 [&_td]:py-1.5 [&_th]:border-b [&_th]:px-2 [&_th]:py-1.5">
          <thead>
            <tr>
              <th>Parameter</th>
              <th>In</th>
              <th>Required</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{String(p.name)}</code>
                </td>
                <td>{String(p.in)}</td>
                <td>{p.required ? "yes" : "no"}</td>
                <td>{p.description ? String(p.description) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body?.example !== undefined ? (
        <>
          <h4 className="mt-4 font-semibold">Request body</h4>
          <Example value={body.example} />
        </>
      ) : null}
      <h4 className="mt-4 font-semibold">Responses</h4>
      <ul>
        {responses.map(([status, r]) => {
          const ref = typeof r.$ref === "string" ? r.$ref.split("/").pop() : null;
          const example = (r.content as Record<string, { example?: unknown }> | undefined)?.["application/json"]?.example;
          return (
            <li key={status}>
              <code>{status}</code> {ref ? <a href={`#error-${status}`}>error</a> : String(r.description ?? "")}
              {example !== undefined ? <Example value={example} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

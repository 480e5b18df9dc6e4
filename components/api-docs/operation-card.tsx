type Json = Record<string, unknown>;

function Example({ value }: { value: unknown }) {
  return <pre className="code">{JSON.stringify(value, null, 2)}</pre>;
}

/** One endpoint of the OpenAPI document, as a reader wants it: what, who may, what goes in and out. */
export function OperationCard({ method, path, op }: { method: string; path: string; op: Json }) {
  const params = (op.parameters as Json[] | undefined)?.filter((p) => !("$ref" in p)) ?? [];
  const body = (op.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.["application/json"];
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {});
  const id = String(op.operationId);
  return (
    <section className="card op" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>
        <strong>{String(op.summary)}</strong>
        {op["x-required-scope"] ? (
          <>
            {" "}
            <span className="badge">scope {String(op["x-required-scope"])}</span>
          </>
        ) : null}
      </p>
      {op.description ? <p className="muted">{String(op.description)}</p> : null}
      {params.length ? (
        <table>
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
          <h4>Request body</h4>
          <Example value={body.example} />
        </>
      ) : null}
      <h4>Responses</h4>
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

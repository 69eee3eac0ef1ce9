/** A self-contained page listing the OpenAPI document: no scripts, no CDN, readable with a screen reader. */
export function renderApiDocs(doc: Record<string, unknown>): string {
  const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const info = doc['info'] as { title: string; version: string; description: string };
  const paths = doc['paths'] as Record<string, Record<string, Record<string, unknown>>>;
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op['parameters'] as { name: string; in: string }[])
        .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)})</li>`)
        .join('');
      const body = op['requestBody'] as { content: Record<string, { schema: unknown }> } | undefined;
      const schema = body ? Object.values(body.content)[0]?.schema : undefined;
      sections.push(`<section aria-labelledby="${esc(op['operationId'])}">
<h3 id="${esc(op['operationId'])}"><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op['summary'])}</p><p>${esc(op['description'])}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${schema ? `<details><summary>Request body schema</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>` : ''}
<p>Answers: ${Object.keys(op['responses'] as object)
        .map(esc)
        .join(', ')}</p>
</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}
code,pre{font-family:ui-monospace,monospace}pre{background:#f3f2f1;padding:1rem;overflow:auto}.m{display:inline-block;min-width:4.5rem}
section{border-top:1px solid #b1b4b6;padding-top:.5rem}a{color:#1d70b8}</style></head>
<body><main><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Endpoints</h2>${sections.join('\n')}</main></body></html>`;
}

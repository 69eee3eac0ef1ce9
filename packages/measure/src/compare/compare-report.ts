import { escapeMarkdown } from '@waymark/core';
import type { Comparison, ComparedFigure } from './compare';

const labels: Record<ComparedFigure, string> = {
  contacts: 'Contacts',
  avoidableContacts: 'Avoidable contacts',
  elapsedDays: 'Elapsed days',
  waitDays: 'Waiting days',
  handlingMinutes: 'Handling minutes',
  handOffs: 'Hand-offs',
  cost: 'Cost per journey (£)',
};
const order = Object.keys(labels) as ComparedFigure[];

const num = (n: number | null | undefined, k?: ComparedFigure): string => {
  if (n === null || n === undefined) return '—';
  if (k === 'cost') return n.toFixed(2);
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
};
const signed = (n: number, k?: ComparedFigure): string =>
  n > 0 ? `+${num(n, k)}` : n === 0 ? '0' : num(n, k).replace('-', '−');
const md = escapeMarkdown;
const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const statusWord = { kept: 'kept', removed: 'removed', added: 'new' } as const;

/** The comparison as a Markdown report: totals, then step by step, then emotion and notes. */
export function renderComparisonMarkdown(c: Comparison): string {
  const out: string[] = [`# ${md(c.current.title)} → ${md(c.desired.title)}`, ''];
  if (c.unconfirmed > 0)
    out.push(`> ${c.unconfirmed} step pairing(s) matched by name await confirmation.`, '');
  out.push('## Totals per journey', '', '| Figure | Current | Desired | Change |', '|---|---:|---:|---:|');
  for (const k of order)
    out.push(
      `| ${labels[k]} | ${num(c.current.totals[k], k)} | ${num(c.desired.totals[k], k)} | ${signed(c.delta[k], k)} |`,
    );
  out.push(
    '',
    '## Step by step',
    '',
    '| Current step | Desired step | Status | Contacts Δ | Days Δ | Hand-offs Δ | Cost Δ (£) | Emotion now → then |',
    '|---|---|---|---:|---:|---:|---:|---|',
  );
  for (const r of c.rows) {
    const emo = `${num(r.current?.figures.emotion)} → ${num(r.desired?.figures.emotion)}`;
    out.push(
      `| ${md(r.current?.label ?? '—')} | ${md(r.desired?.label ?? '—')} | ${statusWord[r.status]}${r.alignment.confirmed ? '' : ' (name match, unconfirmed)'} | ${signed(r.delta.contacts)} | ${signed(r.delta.elapsedDays)} | ${signed(r.delta.handOffs)} | ${signed(r.delta.cost, 'cost')} | ${emo} |`,
    );
  }
  out.push('', '## Emotion');
  for (const [name, s] of [
    ['Current', c.current.emotion],
    ['Desired', c.desired.emotion],
  ] as const) {
    out.push(
      `- ${name}: lowest point ${s.lowest ? `${num(s.lowest.score)} at “${md(s.lowest.label)}”` : 'not scored'}; mean ${num(s.mean)}; ${s.momentsOfTruth.length} moment(s) of truth${s.momentsOfTruth.length ? ': ' + s.momentsOfTruth.map((m) => `“${md(m.text)}” (${md(m.label)})`).join('; ') : ''}`,
    );
  }
  out.push(
    '',
    `Steps removed: ${c.stepsRemoved.map(md).join(', ') || 'none'}. Steps added: ${c.stepsAdded.map(md).join(', ') || 'none'}.`,
  );
  out.push(
    '',
    `Costs per contact: ${md(c.costTable.source)}${c.costTable.year ? `, ${c.costTable.year}` : ''} (${c.costTable.id}).`,
  );
  for (const n of c.notes) out.push(`- ${md(n)}`);
  return out.join('\n') + '\n';
}

/** The comparison as one self-contained HTML page that prints on A4 and pastes into a word processor. */
export function renderComparisonHtml(c: Comparison): string {
  const rowsTotals = order
    .map(
      (k) =>
        `<tr><th scope="row">${labels[k]}</th><td>${num(c.current.totals[k], k)}</td><td>${num(c.desired.totals[k], k)}</td><td>${signed(c.delta[k], k)}</td></tr>`,
    )
    .join('\n');
  const rowsSteps = c.rows
    .map(
      (r) =>
        `<tr class="${r.status}"><td>${html(r.current?.label ?? '—')}</td><td>${html(r.desired?.label ?? '—')}</td><td>${statusWord[r.status]}${r.alignment.confirmed ? '' : ' (name match, unconfirmed)'}</td><td>${signed(r.delta.contacts)}</td><td>${signed(r.delta.elapsedDays)}</td><td>${signed(r.delta.handOffs)}</td><td>${signed(r.delta.cost, 'cost')}</td><td>${num(r.current?.figures.emotion)} → ${num(r.desired?.figures.emotion)}</td></tr>`,
    )
    .join('\n');
  const emotion = (
    [
      ['Current', c.current.emotion],
      ['Desired', c.desired.emotion],
    ] as const
  )
    .map(
      ([name, s]) =>
        `<li><strong>${name}</strong>: lowest point ${s.lowest ? `${num(s.lowest.score)} at “${html(s.lowest.label)}”` : 'not scored'}; ${s.momentsOfTruth.length} moment(s) of truth${s.momentsOfTruth.length ? ': ' + s.momentsOfTruth.map((m) => `“${html(m.text)}” (${html(m.label)})`).join('; ') : ''}</li>`,
    )
    .join('\n');
  const title = `${html(c.current.title)} → ${html(c.desired.title)}`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left}
td:not(:first-child):not(:nth-child(2)):not(:nth-child(3)){text-align:right}thead th{background:#f3f2f1}
tr.removed td{text-decoration:line-through}tr.added td:nth-child(2){font-weight:bold}
@page{size:A4 landscape;margin:15mm}@media print{body{margin:0;max-width:none}}
</style></head><body>
<h1>${title}</h1>
${c.unconfirmed > 0 ? `<p><strong>${c.unconfirmed} step pairing(s) matched by name await confirmation.</strong></p>` : ''}
<h2>Totals per journey</h2>
<table><thead><tr><th scope="col">Figure</th><th scope="col">Current</th><th scope="col">Desired</th><th scope="col">Change</th></tr></thead><tbody>
${rowsTotals}
</tbody></table>
<h2>Step by step</h2>
<table><thead><tr><th scope="col">Current step</th><th scope="col">Desired step</th><th scope="col">Status</th><th scope="col">Contacts Δ</th><th scope="col">Days Δ</th><th scope="col">Hand-offs Δ</th><th scope="col">Cost Δ (£)</th><th scope="col">Emotion now → then</th></tr></thead><tbody>
${rowsSteps}
</tbody></table>
<h2>Emotion</h2><ul>
${emotion}
</ul>
<p>Steps removed: ${c.stepsRemoved.map(html).join(', ') || 'none'}. Steps added: ${c.stepsAdded.map(html).join(', ') || 'none'}.</p>
<p>Costs per contact: ${html(c.costTable.source)}${c.costTable.year ? `, ${c.costTable.year}` : ''} (${html(c.costTable.id)}).</p>
${c.notes.map((n) => `<p>${html(n)}</p>`).join('\n')}
</body></html>
`;
}

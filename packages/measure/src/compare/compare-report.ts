import { escapeMarkdown } from '@waymark/core';
import { costBasisLabel, tableBasis } from '../cost-model';
import { englishWords, type Words } from '../words';
import { comparedFigures, uncostedNote, type Comparison, type ComparedFigure } from './compare';

const order: readonly ComparedFigure[] = comparedFigures;

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

/** The words both report forms share, in one language. */
function reportWords(c: Comparison, w: Words, esc: (s: string) => string) {
  const status = (r: Comparison['rows'][number]) =>
    w.t(`measure.compare.status.${r.status}`) +
    (r.alignment.confirmed ? '' : ` ${w.t('measure.compare.unconfirmedMark')}`);
  const emotionLine = (s: Comparison['current']['emotion'], withMean: boolean) =>
    [
      s.lowest
        ? w.t('measure.compare.lowestAt', { score: num(s.lowest.score), label: esc(s.lowest.label) })
        : w.t('measure.compare.notScored'),
      ...(withMean ? [w.t('measure.compare.mean', { score: num(s.mean) })] : []),
      w.t('measure.compare.moments', { count: s.momentsOfTruth.length }) +
        (s.momentsOfTruth.length
          ? ': ' + s.momentsOfTruth.map((m) => `“${esc(m.text)}” (${esc(m.label)})`).join('; ')
          : ''),
    ].join('; ');
  const list = (items: readonly string[]) =>
    items.length === 0 ? w.t('measure.compare.none') : items.map(esc).join(', ');
  // hand-offs say whether they came from the map or the log (issue 13 item 1)
  const handOffSource =
    c.current.handOffs?.source === c.desired.handOffs?.source
      ? (c.current.handOffs?.source ?? 'map')
      : 'both';
  const stated = (['current', 'desired'] as const).flatMap((k) => {
    const s = c[k];
    return s.handOffs && s.handOffs.stated !== null && s.handOffs.stated !== s.totals.handOffs
      ? [
          w.t('evidence.handOffs.stated', {
            title: esc(s.title),
            stated: s.handOffs.stated,
            count: s.totals.handOffs,
          }),
        ]
      : [];
  });
  // closing the loop on each side (seed 000; closing-the-loop.ts)
  const loops = (['current', 'desired'] as const).map((k) => {
    const s = c[k];
    const l = s.closedLoop;
    if (!l) return '';
    const step = l.deliveryLabel ?? '';
    const title = esc(s.title);
    if (l.deliveryColumnId === null) return w.t('evidence.closedLoop.noSteps', { title });
    return w.t(l.closed ? 'evidence.closedLoop.closed' : 'evidence.closedLoop.open', {
      title,
      step: esc(step),
    });
  });
  return {
    figure: (k: ComparedFigure) =>
      k === 'handOffs'
        ? w.t('evidence.handOffs.label', { source: handOffSource })
        : w.t(`measure.compare.figure.${k}`),
    status,
    emotionLine,
    stepsChanged: w.t('measure.compare.stepsChanged', {
      removed: list(c.stepsRemoved),
      added: list(c.stepsAdded),
    }),
    costs: `${w.t('measure.compare.costsPerContact', {
      source: esc(c.costTable.source) + (c.costTable.year ? `, ${c.costTable.year}` : ''),
      id: esc(c.costTable.id),
    })} ${w.t('costs.basis.costsUsed', { basis: esc(costBasisLabel(c.costBasis ?? tableBasis({ ...c.costTable, perContact: {} }), w)) })}`,
    notes: [
      ...(c.uncostedChannels ?? []).map((ch) => esc(uncostedNote(ch, c.costTable.id, w))),
      ...stated,
      ...loops.filter((x) => x !== ''),
    ],
    stepHead: [
      w.t('measure.compare.currentStep'),
      w.t('measure.compare.desiredStep'),
      w.t('measure.compare.status'),
      w.t('measure.compare.contactsDelta'),
      w.t('measure.compare.daysDelta'),
      w.t('measure.compare.handOffsDelta'),
      w.t('measure.compare.costDelta'),
      w.t('measure.compare.emotionNowThen'),
    ],
    totalsHead: [
      w.t('measure.compare.figure'),
      w.t('measure.compare.current'),
      w.t('measure.compare.desired'),
      w.t('measure.compare.change'),
    ],
    sides: [
      [w.t('measure.compare.current'), c.current.emotion],
      [w.t('measure.compare.desired'), c.desired.emotion],
    ] as const,
  };
}

/** The comparison as a Markdown report: totals, then step by step, then emotion and notes. */
export function renderComparisonMarkdown(c: Comparison, w: Words = englishWords): string {
  const words = reportWords(c, w, md);
  const out: string[] = [`# ${md(c.current.title)} → ${md(c.desired.title)}`, ''];
  if (c.unconfirmed > 0) out.push(`> ${w.t('measure.compare.unconfirmed', { count: c.unconfirmed })}`, '');
  out.push(
    `## ${w.t('measure.compare.totals')}`,
    '',
    `| ${words.totalsHead.join(' | ')} |`,
    '|---|---:|---:|---:|',
  );
  for (const k of order)
    out.push(
      `| ${words.figure(k)} | ${num(c.current.totals[k], k)} | ${num(c.desired.totals[k], k)} | ${signed(c.delta[k], k)} |`,
    );
  out.push(
    '',
    `## ${w.t('measure.compare.stepByStep')}`,
    '',
    `| ${words.stepHead.join(' | ')} |`,
    '|---|---|---|---:|---:|---:|---:|---|',
  );
  for (const r of c.rows) {
    const emo = `${num(r.current?.figures.emotion)} → ${num(r.desired?.figures.emotion)}`;
    out.push(
      `| ${md(r.current?.label ?? '—')} | ${md(r.desired?.label ?? '—')} | ${words.status(r)} | ${signed(r.delta.contacts)} | ${signed(r.delta.elapsedDays)} | ${signed(r.delta.handOffs)} | ${signed(r.delta.cost, 'cost')} | ${emo} |`,
    );
  }
  out.push('', `## ${w.t('measure.compare.emotion')}`);
  for (const [name, s] of words.sides) out.push(`- ${name}: ${words.emotionLine(s, true)}`);
  out.push('', words.stepsChanged, '', words.costs);
  for (const n of words.notes) out.push(`- ${n}`);
  return out.join('\n') + '\n';
}

/** The comparison as one self-contained HTML page that prints on A4 and pastes into a word processor. */
export function renderComparisonHtml(c: Comparison, w: Words = englishWords): string {
  const words = reportWords(c, w, html);
  const rowsTotals = order
    .map(
      (k) =>
        `<tr><th scope="row">${html(words.figure(k))}</th><td>${num(c.current.totals[k], k)}</td><td>${num(c.desired.totals[k], k)}</td><td>${signed(c.delta[k], k)}</td></tr>`,
    )
    .join('\n');
  const rowsSteps = c.rows
    .map(
      (r) =>
        `<tr class="${r.status}"><td>${html(r.current?.label ?? '—')}</td><td>${html(r.desired?.label ?? '—')}</td><td>${html(words.status(r))}</td><td>${signed(r.delta.contacts)}</td><td>${signed(r.delta.elapsedDays)}</td><td>${signed(r.delta.handOffs)}</td><td>${signed(r.delta.cost, 'cost')}</td><td>${num(r.current?.figures.emotion)} → ${num(r.desired?.figures.emotion)}</td></tr>`,
    )
    .join('\n');
  const emotion = words.sides
    .map(([name, s]) => `<li><strong>${html(name)}</strong>: ${words.emotionLine(s, false)}</li>`)
    .join('\n');
  const th = (cells: readonly string[]) => cells.map((x) => `<th scope="col">${html(x)}</th>`).join('');
  const title = `${html(c.current.title)} → ${html(c.desired.title)}`;
  return `<!doctype html>
<html lang="${w.tag}"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left}
td:not(:first-child):not(:nth-child(2)):not(:nth-child(3)){text-align:right}thead th{background:#f3f2f1}
tr.removed td{text-decoration:line-through}tr.added td:nth-child(2){font-weight:bold}
@page{size:A4 landscape;margin:15mm}@media print{body{margin:0;max-width:none}}
</style></head><body>
<h1>${title}</h1>
${c.unconfirmed > 0 ? `<p><strong>${html(w.t('measure.compare.unconfirmed', { count: c.unconfirmed }))}</strong></p>` : ''}
<h2>${html(w.t('measure.compare.totals'))}</h2>
<table><thead><tr>${th(words.totalsHead)}</tr></thead><tbody>
${rowsTotals}
</tbody></table>
<h2>${html(w.t('measure.compare.stepByStep'))}</h2>
<table><thead><tr>${th(words.stepHead)}</tr></thead><tbody>
${rowsSteps}
</tbody></table>
<h2>${html(w.t('measure.compare.emotion'))}</h2><ul>
${emotion}
</ul>
<p>${words.stepsChanged}</p>
<p>${words.costs}</p>
${words.notes.map((n) => `<p>${n}</p>`).join('\n')}
</body></html>
`;
}

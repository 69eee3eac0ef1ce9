import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { chunksOf, utf8 } from '../testing/fixtures';
import { deriveJourney } from './derive-journey';

const lines = ['case,activity,timestamp,channel,team'];
for (let c = 0; c < 20; c++) {
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + c + d, 9)).toISOString();
  lines.push(`C${c},Report missed bin,${day(0)},Phone,Contact centre`);
  if (c % 2 === 0)
    lines.push(
      `C${c},Chase progress,${day(3)},Phone,Contact centre`,
      `C${c},Chase progress,${day(5)},Web,Contact centre`,
    );
  lines.push(`C${c},Collect bin,${day(25)},,Waste`, `C${c},Close case,${day(26)},Letter,Waste`);
}

async function derive() {
  const { store } = await importCsv(chunksOf(utf8(`${lines.join('\n')}\n`)));
  return deriveJourney(analyseLog(store), {
    id: 'missed-bins',
    title: 'Missed bins, from the CRM',
    source: 'crm.csv',
  });
}

describe('deriveJourney', () => {
  it('given a contact log, when a journey is derived, then it passes the journey schema and invariants', async () => {
    const r = await derive();
    expect(r.ok ? [] : r.error).toEqual([]);
  });

  it('orders steps by where they fall in a case and carries channels, owners and measured figures', async () => {
    const r = await derive();
    if (!r.ok) throw new Error('not ok');
    const j = r.value;
    expect(j.columns.map((c) => c.label)).toEqual([
      'Report missed bin',
      'Chase progress',
      'Collect bin',
      'Close case',
    ]);
    expect(j.organisations.map((o) => o.name)).toEqual(['Contact centre', 'Waste']);
    const touch = j.cards
      .filter((c) => c.kind === 'touchpoint')
      .map((c) => (c.kind === 'touchpoint' ? [c.columnId, c.channel] : []));
    expect(touch).toEqual([
      ['step-report-missed-bin', 'telephone'],
      ['step-chase-progress', 'telephone'],
      ['step-close-case', 'letter'],
    ]);
    const chase = j.cards.find(
      (c) => c.kind === 'metric' && c.columnId === 'step-chase-progress' && c.metric === 'contacts',
    );
    expect(chase).toMatchObject({ value: 2, origin: 'log' });
    expect(j.cards.filter((c) => c.kind === 'baton-change')).toEqual([
      expect.objectContaining({ columnId: 'step-collect-bin', from: 'org-contact-centre', to: 'org-waste' }),
    ]);
    const pains = j.cards
      .filter((c) => c.kind === 'pain-point')
      .map((c) => (c.kind === 'pain-point' ? [c.columnId, c.type] : []));
    expect(pains).toEqual([
      ['step-chase-progress', 'repeat'],
      ['step-collect-bin', 'silence'],
    ]);
    expect(j.sources).toEqual([{ id: 'log', kind: 'crm-extract', title: 'crm.csv' }]);
  });
});

import { applyCommand, createJourneyFromTemplate, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { cardLabel, quickCard } from './quick-entry';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'T' });
if (!made.ok) throw new Error('template');
const journey: Journey = {
  ...made.value,
  organisations: [
    { id: 'council', name: 'Melton BC', kind: 'organisation' },
    { id: 'police', name: 'Police', kind: 'organisation' },
  ],
} as Journey;
const lane = (kind: string) => journey.lanes.find((l) => l.kind === kind) ?? { id: 'x', kind, label: kind };
const quick = (kind: string, typed: string) =>
  quickCard(journey, lane(kind) as never, 'step-1', typed, 'new-card');

describe('quick entry', () => {
  it('given typed lines for each kind, when made into cards, then the reducer accepts every one', () => {
    const lines: [string, string][] = [
      ['step', 'Reports incident'],
      ['feeling', '“I’ve had enough”'],
      ['emotion', '-70'],
      ['lever', 'Comms: Keep the victim informed'],
      ['touchpoint', 'Telephone: Calls the council'],
      ['moment-of-truth', 'First report'],
      ['pain-point', 'No call back'],
    ];
    for (const [kind, typed] of lines) {
      const q = quick(kind, typed);
      expect(q.ok, `${kind}: ${typed}`).toBe(true);
      if (q.ok)
        expect(applyCommand(journey, { type: 'card.add', item: q.card as never }).ok, kind).toBe(true);
    }
  });

  it('given a quote in quotation marks, when added, then it is a quote the customer says', () => {
    const q = quick('feeling', '"Not again"');
    expect(q.ok && q.card).toMatchObject({ text: 'Not again', quote: true, mode: 'says' });
    expect(quick('feeling', 'Anxious').ok && quick('feeling', 'Anxious')).toMatchObject({
      card: { quote: false, mode: 'feels' },
    });
  });

  it('given a lever with a category prefix, when added, then it is filed under that category; without one, the first', () => {
    const q = quick('lever', 'process: Master case file');
    expect(q.ok && q.card).toMatchObject({ category: 'process', text: 'Master case file' });
    const plain = quick('lever', 'Show empathy');
    expect(plain.ok && cardLabel(journey, { ...plain.card, id: 'x' } as never)).toBe('Contact: Show empathy');
  });

  it('given metric cards, when named for a button or screen reader, then the unit is said once with its plural (issue 11, item 7)', () => {
    const label = (typed: string) => {
      const q = quick('metric', typed);
      return q.ok ? cardLabel(journey, { ...q.card, id: 'x' } as never) : q.message;
    };
    expect(label('Contacts: 1')).toBe('Contacts: 1 contact');
    expect(label('Contacts: 3')).toBe('Contacts: 3 contacts');
    expect(label('Hand-offs: 0.42')).toBe('Hand-offs: 0.42 hand-offs');
    expect(label('Unit cost: 8.62')).toBe('Unit cost: £8.62 a contact');
  });

  it('given bad input, when added, then the message says what was expected', () => {
    expect(quick('emotion', '150')).toEqual({
      ok: false,
      message: 'expected a number from −100 to +100; got 150',
    });
    expect(quick('step', '   ')).toEqual({ ok: false, message: 'type something first' });
    const baton = quick('baton-change', 'Council to Police');
    expect(baton.ok ? '' : baton.message).toMatch(/From → To.*Melton BC, Police/);
  });

  it('given a baton change between two named organisations, when added, then it joins their ids', () => {
    const q = quickCard(
      journey,
      { id: 'b', kind: 'baton-change', label: 'Batons' } as never,
      'step-1',
      'Melton BC → police',
      'c',
    );
    expect(q.ok && q.card).toMatchObject({ kind: 'baton-change', from: 'council', to: 'police' });
  });
});

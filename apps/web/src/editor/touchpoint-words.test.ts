import { applyCommand, createJourneyFromTemplate, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { quickCard } from './quick-entry';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'T' });
if (!made.ok) throw new Error('template');
const journey: Journey = {
  ...made.value,
  organisations: [{ id: 'council', name: 'Melton BC', kind: 'organisation' }],
} as Journey;
const lane = journey.lanes.find((l) => l.kind === 'touchpoint')!;
const quick = (typed: string) => quickCard(journey, lane, 'step-1', typed, 'new-card');
const card = (typed: string) => {
  const q = quick(typed);
  if (!q.ok) throw new Error(`${typed}: ${q.message}`);
  return q.card as { channel: string; direction: string; text: string };
};

describe('touchpoint quick entry (issue 11 item 1)', () => {
  it.each([
    ['Online form: Submits application', 'web', 'Submits application'],
    ['Web form: Submits application', 'web', 'Submits application'],
    ['online: Checks eligibility', 'web', 'Checks eligibility'],
    ['Website: Reads the guidance', 'web', 'Reads the guidance'],
    ['Webchat: Asks about progress', 'web', 'Asks about progress'],
    ['E-mail: Sends photos', 'email', 'Sends photos'],
    ['email: Sends photos', 'email', 'Sends photos'],
    ['Phone: Chases the decision', 'telephone', 'Chases the decision'],
    ['Call: Chases the decision', 'telephone', 'Chases the decision'],
    ['Home visit: Shows the bathroom', 'home-visit', 'Shows the bathroom'],
    ['Visit: OT assesses the home', 'home-visit', 'OT assesses the home'],
    ['Face to face: Brings documents', 'face-to-face', 'Brings documents'],
    ['In person: Brings documents', 'face-to-face', 'Brings documents'],
    ['Letter: Receives the grant offer', 'letter', 'Receives the grant offer'],
    ['Post: Returns the signed form', 'letter', 'Returns the signed form'],
    ['Text: Gets a reminder', 'sms', 'Gets a reminder'],
    ['SMS: Gets a reminder', 'sms', 'Gets a reminder'],
    ['App: Uploads a photo', 'app', 'Uploads a photo'],
    ['Telephone: Calls the council', 'telephone', 'Calls the council'],
  ])('given “%s”, then the channel is %s and the words keep no label', (typed, channel, text) => {
    const c = card(typed);
    expect(c).toMatchObject({ channel, text });
    expect(applyCommand(journey, { type: 'card.add', item: c as never }).ok).toBe(true);
  });

  it('given what the organisation sends, then the touchpoint is outbound; what the customer does, inbound', () => {
    expect(card('Letter: Council confirms the grant').direction).toBe('outbound');
    expect(card('Council letter: Grant approved')).toMatchObject({
      channel: 'letter',
      direction: 'outbound',
    });
    expect(card('Council writes: Asks for proof of income')).toMatchObject({
      channel: 'letter',
      direction: 'outbound',
    });
    expect(card('Letter: We send the decision').direction).toBe('outbound');
    expect(card('Email: Melton BC acknowledges the application').direction).toBe('outbound');
    expect(card('Letter from the council: Decision').direction).toBe('outbound');
    expect(card('Online form: Submits application').direction).toBe('inbound');
    expect(card('Telephone: Calls the council').direction).toBe('inbound');
    expect(card('Letter: Sends the signed form back').direction).toBe('inbound');
  });

  it('given plain words naming one channel, then that channel; naming none, then it asks with every channel', () => {
    expect(card('Phones the council to chase')).toMatchObject({ channel: 'telephone' });
    const q = quick('Reports the incident');
    expect(q.ok).toBe(false);
    if (q.ok) return;
    expect(q.choice?.question).toBe('Which channel is “Reports the incident”?');
    expect(q.choice?.options.map((o) => o.label)).toContain('Web');
    expect(q.choice?.options).toHaveLength(10);
  });

  it('given a label that names no channel, then it asks in place and stores nothing until chosen', () => {
    const q = quick('Portal: Submits application');
    expect(q.ok).toBe(false);
    if (q.ok) return;
    expect(q.message).toMatch(/^Which channel is “Portal: Submits application”\?/);
    const web = q.choice!.options.find((o) => o.label === 'Web')!;
    expect(web.card).toMatchObject({ kind: 'touchpoint', channel: 'web', direction: 'inbound' });
    expect((web.card as { text: string }).text).toBe('Portal: Submits application');
  });

  it('given a label that could mean two channels, then only those are offered', () => {
    const visit = quick('Visit: Meets the officer');
    expect(!visit.ok && visit.choice?.options.map((o) => o.label)).toEqual(['Home visit', 'Face to face']);
    const mail = quick('Mail: Sends the form');
    expect(!mail.ok && mail.choice?.options.map((o) => o.label)).toEqual(['Letter / post', 'Email']);
  });
});

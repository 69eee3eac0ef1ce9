import type { WorkshopState } from '@waymark/api';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import {
  clockText,
  emptyWorkshopClient,
  remainingMs,
  remainingWords,
  takeWorkshopMessage,
  timerAnnouncement,
  workshopChangeWords,
  workshopRefusalWords,
} from './workshop-client';

const state = (revision: number, extra: Partial<WorkshopState> = {}): WorkshopState => ({
  revision,
  facilitator: { id: 'u-bob', name: 'Bob' },
  follow: null,
  structureLocked: false,
  timer: null,
  voting: null,
  groups: null,
  ...extra,
});

describe('workshop client', () => {
  it('given workshop messages, then they are taken from the engine, an older revision is ignored, and the clock offset is the server’s now minus ours', () => {
    const first = takeWorkshopMessage(
      emptyWorkshopClient,
      { type: 'workshop', state: state(3), now: 10_000 },
      9_000,
    );
    expect(first).toEqual({ next: { state: state(3), offsetMs: 1_000, refusal: null }, consumed: true });
    const older = takeWorkshopMessage(first!.next, { type: 'workshop', state: state(2), now: 11_000 }, 9_500);
    expect(older!.next.state!.revision).toBe(3);
    const refused = takeWorkshopMessage(
      first!.next,
      {
        type: 'workshop-refused',
        code: 'not_facilitator',
        values: { facilitator: 'Bob' },
        message: 'The server’s English, never shown.',
      },
      9_600,
    );
    expect(refused).toMatchObject({
      consumed: true,
      next: {
        refusal: 'Only the facilitator, Bob, can do that. Ask them, or ask a workspace owner to take over.',
      },
    });
  });

  describe('a refusal in words from its code and values, never the server’s English', () => {
    afterEach(() => setLocale('en'));

    it('given a code with a name, a number, a role or a kind, then the words carry them, the role and kind named as the web names them', () => {
      expect(workshopRefusalWords('workshop_running', { facilitator: 'Ann' })).toBe(
        'Ann is already running a workshop on this map. A workspace owner can take over from them.',
      );
      expect(workshopRefusalWords('no_votes_left', { votesEach: 3 })).toBe(
        'You have used all 3 of your votes. Take one back to vote for something else.',
      );
      expect(workshopRefusalWords('no_votes_left', { votesEach: 1 })).toBe(
        'You have used your only vote. Take it back to vote for something else.',
      );
      expect(workshopRefusalWords('vote_needs_commenter', { role: 'viewer' })).toBe(
        'Voting needs the commenter, editor or owner role; your role is Viewer. You can watch the results.',
      );
      expect(workshopRefusalWords('role_needed', { needed: 'commenter', role: 'viewer' })).toBe(
        'You cannot do that in this workshop: it needs the Commenter role and your role is Viewer.',
      );
      expect(workshopRefusalWords('not_in_vote', { kind: 'moment-of-truth' })).toBe(
        'This round is not about moments of truth, so that cannot be voted for.',
      );
      expect(workshopRefusalWords('group_exists', { name: 'Front desk' })).toBe(
        'There is already a group called “Front desk”. Give this one another name.',
      );
      expect(workshopRefusalWords('busy', undefined)).toBe(
        'The workshop was changing too fast to fit that in. Please try again.',
      );
    });

    it('in Welsh, the same refusals in Welsh, with the role and kind in Welsh', () => {
      setLocale('cy');
      expect(workshopRefusalWords('not_facilitator', { facilitator: 'Bob' })).toBe(
        'Dim ond yr hwylusydd, Bob, sy’n gallu gwneud hynny. Gofynnwch iddyn nhw, neu gofynnwch i un o berchnogion y gweithle gymryd drosodd.',
      );
      expect(workshopRefusalWords('run_needs_editor', { role: 'commenter' })).toBe(
        'Mae angen rôl golygydd neu berchennog i gynnal gweithdy; eich rôl chi yw Sylwebydd. Gallwch gymryd rhan o hyd.',
      );
      expect(workshopRefusalWords('not_in_vote', { kind: 'pain-point' })).toBe(
        'Nid yw’r rownd hon ar gyfer pwyntiau poen, felly ni ellir pleidleisio dros hynny.',
      );
      expect(workshopRefusalWords('too_many_groups', { max: 12 })).toBe(
        'Gall gweithdy gael 12 grŵp ar y mwyaf ar yr un pryd.',
      );
    });

    it('given a code this web does not know (an older or newer server), then plain words of its own', () => {
      expect(workshopRefusalWords('forbidden', undefined)).toBe(
        'That workshop action could not be done. Reload the page and try again.',
      );
      setLocale('cy');
      expect(workshopRefusalWords('something_new', { x: 1 })).toBe(
        'Nid oedd modd gwneud hynny yn y gweithdy. Ail-lwythwch y dudalen a rhowch gynnig arall arni.',
      );
    });
  });

  it('given a welcome, then its workshop is taken but the engine still gets the message; a welcome without one and other messages are left alone', () => {
    const you = { connection: 'c1', user: { id: 'u-ann', name: 'Ann' }, role: 'owner' };
    const taken = takeWorkshopMessage(
      emptyWorkshopClient,
      { type: 'welcome', version: 4, you, missed: [], workshop: state(1), now: 500 },
      2_500,
    );
    expect(taken).toEqual({ next: { state: state(1), offsetMs: -2_000, refusal: null }, consumed: false });
    expect(
      takeWorkshopMessage(emptyWorkshopClient, { type: 'welcome', version: 4, you, missed: [] }, 1),
    ).toBeNull();
    expect(takeWorkshopMessage(emptyWorkshopClient, { type: 'duplicate', clientSeq: 1 }, 1)).toBeNull();
  });

  it('given a timer and a computer clock 30 s behind the server, then the time left is counted on the server’s clock', () => {
    const timer = { label: 'Ideas', startedAt: 100_000, endsAt: 400_000 };
    expect(remainingMs(timer, 30_000, 70_000)).toBe(300_000);
    expect(remainingMs(timer, 30_000, 500_000)).toBe(0);
    expect(clockText(300_000)).toBe('5:00');
    expect(clockText(61_001)).toBe('1:02');
    expect(clockText(0)).toBe('0:00');
    expect(remainingWords(65_000)).toBe('1 minute 5 seconds left');
    expect(remainingWords(120_000)).toBe('2 minutes left');
    expect(remainingWords(0)).toBe('Time is up');
  });

  it('given the timer ticking, then only "1 minute left" and "Time is up" are announced, once each', () => {
    const said: string[] = [];
    let before = 125_000;
    for (let left = 124_000; left >= -2_000; left -= 1_000) {
      const words = timerAnnouncement(before, Math.max(0, left));
      if (words) said.push(words);
      before = Math.max(0, left);
    }
    expect(said).toEqual(['1 minute left', 'Time is up']);
    // A timer started with less than a minute says only that time is up.
    expect(timerAnnouncement(30_000, 29_000)).toBeNull();
  });
});

describe('workshop changes in words', () => {
  it('given changes made by the facilitator, then a participant hears each once in plain words, and moves or added time say nothing', () => {
    const idle = { ...state(0), facilitator: null };
    const s1 = state(1);
    expect(workshopChangeWords(idle, s1, 'u-ed')).toBe('Bob started a workshop on this map.');
    const s2 = state(2, { structureLocked: true });
    expect(workshopChangeWords(s1, s2, 'u-ed')).toBe(
      'Bob locked the steps, stages and lanes. You can still add and change cards.',
    );
    expect(workshopChangeWords(s1, s2, 'u-bob')).toBe(
      'You locked the steps, stages and lanes for everyone else.',
    );
    const s3 = state(3, { structureLocked: true, follow: { view: { mode: 'map' }, since: 1 } });
    expect(workshopChangeWords(s2, s3, 'u-ed')).toBe('Your screen now follows Bob.');
    const s4 = { ...s3, revision: 4, follow: { view: { mode: 'map' as const, cardId: 'c1' }, since: 1 } };
    expect(workshopChangeWords(s3, s4, 'u-ed')).toBeNull();
    const s5 = { ...s4, revision: 5, timer: { label: 'Ideas', startedAt: 0, endsAt: 300_000 } };
    expect(workshopChangeWords(s4, s5, 'u-ed')).toBe('Timer started: Ideas, 5 minutes.');
    const s6 = { ...s5, revision: 6, timer: { label: 'Ideas', startedAt: 0, endsAt: 360_000 } };
    expect(workshopChangeWords(s5, s6, 'u-ed')).toBeNull();
    expect(workshopChangeWords(s6, { ...s6, revision: 7, timer: null, structureLocked: false }, 'u-ed')).toBe(
      'Bob unlocked the steps, stages and lanes. The timer was stopped.',
    );
    expect(workshopChangeWords(s6, { ...idle, revision: 8 }, 'u-ed')).toBe('The workshop has ended.');
    expect(
      workshopChangeWords(s6, { ...s6, revision: 8, facilitator: { id: 'u-ann', name: 'Ann' } }, 'u-ed'),
    ).toBe('Ann took over the workshop.');
    // An older or the same revision says nothing.
    expect(workshopChangeWords(s6, s5, 'u-ed')).toBeNull();
  });
});

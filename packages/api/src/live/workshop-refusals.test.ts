/**
 * Every refusal the workshop can send has words, in English and in Welsh (decision 0017): the codes are the
 * server's own list (`workshopRefusals`, which `refused()` is typed by, so no other code can be sent), and each
 * code's words use exactly the values the server sends with it.
 */
import {
  createTranslator,
  locales,
  messagesFor,
  setMessageErrorHandler,
  workshopRefusalMessageId,
} from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { refused, workshopRefusalCodes, workshopRefusals } from './workshop-refusals';

/** The argument names a message uses: `{facilitator}`, `{votesEach, plural, …}` → facilitator, votesEach. */
const argumentsOf = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*(?=[,}])/g)].map((m) => m[1]!))].sort();

const sample = (names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, n === 'votesEach' ? 3 : n]));

describe('every workshop refusal has words', () => {
  it('lists one code for each kind of refusal, none of them the ambiguous "forbidden"', () => {
    for (const code of ['not_facilitator', 'no_workshop', 'no_workshop_to_join', 'run_needs_editor', 'busy'])
      expect(workshopRefusalCodes).toContain(code);
    expect(workshopRefusalCodes).not.toContain('forbidden');
  });

  it.each(locales)(
    '%s: every code the server can send, with the values the server sends with it',
    (locale) => {
      const messages = messagesFor(locale);
      const problems: string[] = [];
      for (const code of workshopRefusalCodes) {
        const words = messages[workshopRefusalMessageId(code)];
        if (!words?.trim()) {
          problems.push(`${code}: no words`);
          continue;
        }
        const sent = [...workshopRefusals[code].values].sort();
        const used = argumentsOf(words);
        if (sent.join() !== used.join())
          problems.push(`${code}: sends {${sent.join()}}, words use {${used.join()}}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(locales)(
    '%s: each code’s words format with its values, and there are words for an unknown code',
    (locale) => {
      const errors: unknown[] = [];
      setMessageErrorHandler((e) => errors.push(e));
      try {
        const t = createTranslator(locale);
        for (const code of workshopRefusalCodes) {
          const text = t.t(workshopRefusalMessageId(code), sample(workshopRefusals[code].values));
          expect(text).not.toMatch(/[{}]/);
        }
        expect(t.t(workshopRefusalMessageId('unknown'))).not.toBe('workshop.refused.unknown');
      } finally {
        setMessageErrorHandler((e) => console.warn(String(e)));
      }
      expect(errors).toEqual([]);
    },
  );

  it('has no words for a code the server no longer sends (but the fallback)', () => {
    const ids = Object.keys(messagesFor('en')).filter((id) => id.startsWith('workshop.refused.'));
    const sent = new Set([...workshopRefusalCodes, 'unknown'].map(workshopRefusalMessageId));
    expect(ids.filter((id) => !sent.has(id as never))).toEqual([]);
  });

  it('keeps the English in the message for logs and older tabs, with the values in it', () => {
    expect(refused('not_facilitator', { facilitator: 'Ann' })).toEqual({
      ok: false,
      code: 'not_facilitator',
      values: { facilitator: 'Ann' },
      message: 'Only the facilitator, Ann, can do that. Ask them, or ask a workspace owner to take over.',
    });
    expect(refused('not_in_vote', { kind: 'pain-point' }).message).toBe(
      'This round is not about pain points, so that cannot be voted for.',
    );
    expect(refused('busy')).toMatchObject({ code: 'busy', values: {} });
  });
});

import { createJourneyFromTemplate, applyCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { commandRefusalWords, explainRefusal, textLimit } from '../state/refusal';
import { toApiError } from './api-error';
import { errorText } from '../ui/field';
import { apiErrorWords, pathSegments, WordsError } from './error-words';

const journey: Journey = (() => {
  const made = createJourneyFromTemplate('melton', { id: 'j1', title: 'Reporting a crime' });
  if (!made.ok) throw new Error('template');
  return made.value;
})();

/** The reducer's own refusal of a command, as the editor receives it. */
function refusal(command: JourneyCommand) {
  const r = applyCommand(journey, command);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const longTitle: JourneyCommand = { type: 'meta.update', patch: { title: 'x'.repeat(5000) } };

afterEach(() => setLocale('en'));

describe('errors in words from codes (decision 0017)', () => {
  it('given a title of 5,000 characters, the reducer’s refusal is said with the field, the limit and the count', () => {
    const error = refusal(longTitle);
    expect(error.message).toMatch(/Too big/); // zod’s wording, which no one sees
    expect(commandRefusalWords(journey, longTitle, error)).toBe(
      'Title is too long. Use 200 characters or fewer (you have 5,000).',
    );
    expect(explainRefusal(journey, longTitle, error)).toMatchObject({
      noun: 'meta',
      key: 'title',
      issue: { code: 'too_big', origin: 'string', maximum: 200 },
    });
  });

  it('in Welsh, the same refusal in Welsh, with Welsh number formatting', () => {
    setLocale('cy');
    expect(commandRefusalWords(journey, longTitle, refusal(longTitle))).toBe(
      'Teitl: mae hwn yn rhy hir. Defnyddiwch 200 nod neu lai (mae gennych 5,000).',
    );
  });

  it('a card’s text in a batch is found by the path into the batch and named "Card text"', () => {
    const column = journey.columns[0]!.id;
    const lane = journey.lanes.find((l) => l.kind === 'step')!.id;
    const add: JourneyCommand = {
      type: 'batch',
      commands: [
        { type: 'meta.update', patch: { title: 'Fine' } },
        {
          type: 'card.add',
          item: { id: 'c1', kind: 'step', laneId: lane, columnId: column, text: 'y'.repeat(4001) },
        } as JourneyCommand,
      ],
    };
    const error = refusal(add);
    expect(error.path).toEqual(['commands', 1, 'item', 'text']);
    expect(commandRefusalWords(journey, add, error)).toBe(
      'Card text is too long. Use 4,000 characters or fewer (you have 4,001).',
    );
    // The server's formatted path finds the same field.
    expect(commandRefusalWords(journey, add, { code: error.code, path: 'commands[1].item.text' })).toBe(
      'Card text is too long. Use 4,000 characters or fewer (you have 4,001).',
    );
  });

  it('an emotion score out of range names the score and its bound', () => {
    const column = journey.columns[0]!.id;
    const lane = journey.lanes.find((l) => l.kind === 'emotion');
    if (!lane) return;
    const add = {
      type: 'card.add',
      item: { id: 'e1', kind: 'emotion', laneId: lane.id, columnId: column, score: 500 },
    } as JourneyCommand;
    expect(commandRefusalWords(journey, add, refusal(add))).toBe('Emotion score must be 100 or less.');
  });

  it('a refusal with no field is said by its code; a label from the screen replaces the field name', () => {
    const gone = { type: 'column.update', id: 'nope', patch: { label: 'A' } } as JourneyCommand;
    expect(commandRefusalWords(journey, gone, refusal(gone))).toBe(
      'That step is no longer on the map. Someone may have deleted it.',
    );
    expect(commandRefusalWords(journey, longTitle, refusal(longTitle), 'Journey title')).toMatch(
      /^Journey title is too long/,
    );
  });

  it('knows a field’s limit from the map’s rules before anything is sent', () => {
    expect(textLimit(journey, longTitle, 'title')).toBe(200);
    expect(textLimit(journey, { type: 'meta.update', patch: {} }, 'segment')).toBe(300);
  });

  it('an API error is said by its code, never by the server’s English', () => {
    const e = toApiError(409, {
      error: { code: 'last_owner', message: 'cannot remove the last owner of ws', path: null },
    });
    expect(e.message).toBe('A workspace needs at least one owner. Make someone else an owner first.');
    expect(e.serverMessage).toBe('cannot remove the last owner of ws');
    setLocale('cy');
    expect(toApiError(409, { error: { code: 'last_owner', message: 'x', path: null } }).message).toBe(
      'Mae angen o leiaf un perchennog ar weithle. Gwnewch rywun arall yn berchennog yn gyntaf.',
    );
  });

  it('a validation problem is said with the field and the limit the API lists', () => {
    const body = {
      error: { code: 'invalid_request', message: 'title: too long: at most 200 characters', path: 'title' },
      problems: [{ code: 'invalid_too_big', path: 'title', message: 'x', origin: 'string', maximum: 200 }],
    };
    expect(toApiError(400, body).message).toBe('Title is too long. Use 200 characters or fewer.');
    expect(
      apiErrorWords(400, 'invalid_request', 'email', {
        problems: [{ code: 'invalid_format', path: 'email' }],
      }),
    ).toBe('Email address is not in the right format. Check it and try again.');
  });

  it('an unknown code falls back to plain words by status; no answer at all is a connection problem', () => {
    expect(toApiError(418, { error: { code: 'teapot', message: 'I am a teapot', path: null } }).message).toBe(
      'Something went wrong (the server answered 418). Try again. If it keeps happening, tell your administrator.',
    );
    expect(toApiError(0, null).message).toBe(
      'Waymark’s server could not be reached. Check your connection and try again.',
    );
    expect(toApiError(502, '<html>Bad gateway</html>').message).toMatch(/^Something went wrong in Waymark/);
  });

  it('a weak password is said by its reason code, in English and Welsh', () => {
    const body = {
      error: { code: 'weak_password', message: 'server words', path: 'newPassword' },
      reason: 'common',
    };
    expect(toApiError(422, body).message).toMatch(/^That password is one of the most common ones/);
    setLocale('cy');
    expect(toApiError(422, body).message).toMatch(/^Mae’r cyfrinair hwnnw’n un o’r rhai mwyaf cyffredin/);
  });

  it('reads the server’s formatted paths', () => {
    expect(pathSegments('commands[1].patch.title')).toEqual(['commands', 1, 'patch', 'title']);
    expect(pathSegments('tags["a b"]')).toEqual(['tags', 'a b']);
  });

  it('never shows a library’s or a programmer’s message: only the catalogue’s words, or words already from it', () => {
    expect(errorText(new SyntaxError('Unexpected token < in JSON at position 0'))).toBe(
      'Something went wrong. Try again. If it keeps happening, tell your administrator.',
    );
    expect(errorText('boom')).toBe(
      'Something went wrong. Try again. If it keeps happening, tell your administrator.',
    );
    expect(errorText(new TypeError('Failed to fetch'))).not.toContain('fetch');
    expect(errorText(new WordsError('Choose a journey first.'))).toBe('Choose a journey first.');
    expect(
      errorText(toApiError(404, { error: { code: 'journey_not_found', message: 'journey j9 not found' } })),
    ).not.toContain('j9');
  });
});

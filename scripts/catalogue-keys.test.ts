import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * JSON.parse keeps the last of two equal keys and says nothing, so a message id written twice in a catalogue file
 * silently loses one of its meanings (errors.code.linkNotFound once meant both a map's arrow and a link between
 * journeys). This reads each file's keys as written and fails on any id that appears twice.
 */
const messages = fileURLToPath(new URL('../packages/i18n/messages/', import.meta.url));

function keysAsWritten(text: string): string[] {
  return [...text.matchAll(/^\s*"((?:[^"\\]|\\.)*)"\s*:/gm)].map((m) => m[1]!);
}

const files = ['en', 'cy'].flatMap((locale) =>
  readdirSync(join(messages, locale))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${locale}/${name}`),
);

describe('the message catalogue files', () => {
  it('are read as keys, one per message', () => {
    expect(keysAsWritten('{\n  "a.b": "x",\n  "a.c": "y \\"q\\""\n}')).toEqual(['a.b', 'a.c']);
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s writes each message id once', (file) => {
    const keys = keysAsWritten(readFileSync(join(messages, file), 'utf8'));
    const seen = new Set<string>();
    const twice = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
    expect(twice).toEqual([]);
    expect(keys.length).toBe(
      Object.keys(JSON.parse(readFileSync(join(messages, file), 'utf8')) as object).length,
    );
  });
});

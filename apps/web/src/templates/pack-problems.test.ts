import { describe, expect, it } from 'vitest';
import { namespaces } from '@waymark/i18n';
import { packProblemWords, packProblemsOf } from './pack-problems';

describe('a template pack’s problems in words', () => {
  it('names the field as the file names it, with the catalogue’s words for what is wrong', () => {
    const words = packProblemWords({ code: 'invalid_value', path: 'templates[1].lanes[0].kind' });
    expect(words.startsWith('templates[1].lanes[0].kind: ')).toBe(true);
    expect(words).toContain('not one of the choices');
    expect(packProblemWords({ code: 'invalid_json', path: '(document)' })).toBe(
      `The whole file: ${namespaces.templates.en['templates.problem.invalidJson']}`,
    );
    expect(packProblemWords({ code: 'something_new', path: 'name' })).toBe(
      `name: ${namespaces.templates.en['templates.problem.other']}`,
    );
  });

  it('reads the problems of an error body and ignores anything else', () => {
    expect(packProblemsOf({ problems: [{ code: 'x', path: 'a', message: 'm' }, 7] })).toEqual([
      { code: 'x', path: 'a' },
    ]);
    expect(packProblemsOf(null)).toEqual([]);
  });

  it('has Welsh words for every template pack problem', () => {
    const en = Object.keys(namespaces.templates.en).sort();
    expect(Object.keys(namespaces.templates.cy).sort()).toEqual(en);
  });
});

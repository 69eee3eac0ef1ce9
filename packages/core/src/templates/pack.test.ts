import { describe, expect, it } from 'vitest';
import { applyCommands } from '../commands/apply';
import { asbJourney } from '../commands/asb-journey.fixture';
import { formatPath } from '../problem';
import type { Journey } from '../journey/schema';
import {
  insertTemplateCommands,
  journeyFromTemplateBody,
  parseTemplatePack,
  serialiseTemplatePack,
  stripJourney,
  templateFromJourney,
  templatePackLimits,
  type TemplateBody,
} from './pack';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The ASB fixture with personal data in every place a template must not keep it. */
function withPersonalData(): Journey {
  const j = asbJourney();
  return {
    ...j,
    meta: { ...j.meta, owner: 'Jo Bloggs', reviewDate: '2026-12-01' },
    lanes: [...j.lanes, { id: 'feel', kind: 'feeling', label: 'Feelings' }] as Journey['lanes'],
    cards: [
      ...j.cards.map((c) => ({ ...c, note: 'Mrs Smith rang on Tuesday' })),
      {
        id: 'q1',
        kind: 'feeling',
        laneId: 'feel',
        columnId: 'incident',
        text: 'Nobody called me back',
        mode: 'says',
        quote: true,
        source: 'Mrs Smith, 14 Acacia Avenue',
      },
    ] as Journey['cards'],
  };
}

describe('stripJourney', () => {
  it('takes out quote sources, respondents, owners, notes and research sources, and says how many', () => {
    const j = withPersonalData();
    const withRespondent = {
      ...j,
      cards: j.cards.map((c) => (c.kind === 'emotion' ? { ...c, respondent: 'Resident 7' } : c)),
      ideas: j.ideas.map((i) => ({ ...i, owner: 'Sam Jones' })),
    } as Journey;
    const { journey, removed } = stripJourney(withRespondent);
    const text = JSON.stringify(journey);
    expect(text).not.toContain('Mrs Smith');
    expect(text).not.toContain('Acacia');
    expect(text).not.toContain('Jo Bloggs');
    expect(text).not.toContain('Resident 7');
    expect(text).not.toContain('Sam Jones');
    expect(text).not.toContain('workshop-1');
    expect(journey.meta.reviewDate).toBeUndefined();
    expect(journey.meta.status).toBe('draft');
    expect(removed.quoteSources).toBe(1);
    expect(removed.respondents).toBe(j.cards.filter((c) => c.kind === 'emotion').length);
    expect(removed.ownerNames).toBe(1 + j.ideas.length);
    expect(removed.notes).toBe(j.cards.length - 1);
    expect(removed.researchSources).toBe(1);
    // The quote's words stay: only who said it goes.
    expect(text).toContain('Nobody called me back');
  });
});

describe('templateFromJourney', () => {
  it('keeps a lane set without its persona, and names a missing lane by its place in laneIds', () => {
    const j = asbJourney();
    const made = templateFromJourney(j, { kind: 'lanes', laneIds: ['emotion', 'steps'] });
    expect(made.ok && made.value.body.kind === 'lanes' && made.value.body.lanes.map((l) => l.id)).toEqual([
      'emotion',
      'steps',
    ]);
    expect(
      made.ok && made.value.body.kind === 'lanes' && made.value.body.lanes[0]?.personaId,
    ).toBeUndefined();
    const missing = templateFromJourney(j, { kind: 'lanes', laneIds: ['steps', 'nope'] });
    expect(!missing.ok && missing.error.map((p) => formatPath(p.path))).toEqual(['laneIds[1]']);
    const persona = templateFromJourney(j, { kind: 'persona', personaId: 'ghost' });
    expect(!persona.ok && persona.error[0]?.code).toBe('persona_not_found');
  });
});

describe('inserting a part into a map', () => {
  it('adds lanes and a persona with fresh ids when theirs are taken, as edits that apply', () => {
    const j = asbJourney();
    const lanes = templateFromJourney(j, { kind: 'lanes', laneIds: ['steps', 'emotion'] });
    const persona = templateFromJourney(j, { kind: 'persona', personaId: 'victim' });
    if (!lanes.ok || !persona.ok) throw new Error('expected the parts');
    const commands = [
      ...insertTemplateCommands(j, lanes.value.body as Exclude<TemplateBody, { kind: 'map' }>),
      ...insertTemplateCommands(j, persona.value.body as Exclude<TemplateBody, { kind: 'map' }>),
    ];
    const applied = applyCommands(j, commands);
    if (!applied.ok) throw new Error(applied.error.message);
    const ids = applied.value.journey.lanes.map((l) => l.id);
    expect(ids).toEqual([...j.lanes.map((l) => l.id), 'steps-2', 'emotion-2']);
    expect(applied.value.journey.personas.map((p) => p.id)).toEqual(['victim', 'victim-2']);
  });
});

describe('template packs', () => {
  const pack = () =>
    serialiseTemplatePack({
      name: 'Shared by a council',
      exportedAt: '2026-12-04T15:00:00.000Z',
      templates: [
        { name: 'ASB', description: 'Victims', body: { kind: 'map', journey: withPersonalData() } },
        {
          name: 'Victim',
          body: { kind: 'persona', persona: { id: 'victim', name: 'Repeat victim' } as never },
        },
      ],
    });

  it('round-trips, and the file carries no personal data', () => {
    const text = pack();
    expect(text).not.toContain('Mrs Smith');
    const read = parseTemplatePack(utf8(text));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.pack.templates.map((t) => [t.name, t.body.kind])).toEqual([
      ['ASB', 'map'],
      ['Victim', 'persona'],
    ]);
    const made = journeyFromTemplateBody(read.value.pack.templates[0]!.body as never, {
      id: 'new-map',
      title: 'Ours',
    });
    expect(made.ok && [made.value.id, made.value.meta.title]).toEqual(['new-map', 'Ours']);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const text = pack();
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(parseTemplatePack(bytes).ok).toBe(true);
  });

  it('takes personal data out of a pack written by hand', () => {
    const data = JSON.parse(pack()) as { templates: Array<{ journey?: { cards: unknown[] } }> };
    data.templates[0]!.journey!.cards.push({
      id: 'q9',
      kind: 'feeling',
      laneId: 'feel',
      columnId: 'incident',
      text: 'I gave up',
      quote: true,
      source: 'Mr Patel',
    });
    const read = parseTemplatePack(utf8(JSON.stringify(data)));
    expect(read.ok && read.value.removed.quoteSources).toBe(1);
    expect(read.ok && JSON.stringify(read.value.pack)).not.toContain('Mr Patel');
  });

  const problemsOf = (bytes: Uint8Array) => {
    const read = parseTemplatePack(bytes);
    if (read.ok) throw new Error('expected problems');
    return read.error.map((p) => `${p.code} ${formatPath(p.path)}: ${p.message}`);
  };

  it('names the field that is wrong', () => {
    const data = JSON.parse(pack()) as Record<string, unknown> & {
      templates: Array<Record<string, unknown>>;
    };
    data.templates[1]!['persona'] = { id: 'victim' };
    data.templates[0]!['name'] = '';
    const problems = problemsOf(utf8(JSON.stringify(data)));
    expect(problems.some((p) => p.includes('templates[1].persona.name'))).toBe(true);
    expect(problems.some((p) => p.includes('templates[0].name'))).toBe(true);
  });

  it('names a broken journey inside a template by its full path', () => {
    const data = JSON.parse(pack()) as {
      templates: Array<{ journey: { cards: Array<{ laneId: string }> } }>;
    };
    data.templates[0]!.journey.cards[2]!.laneId = 'no-such-lane';
    const problems = problemsOf(utf8(JSON.stringify(data)));
    expect(problems.some((p) => p.includes('templates[0].journey.cards[2]'))).toBe(true);
  });

  it('refuses another format, a newer version and an unknown kind', () => {
    expect(problemsOf(utf8(JSON.stringify({ format: 'x', formatVersion: 1, templates: [] })))[0]).toContain(
      'format',
    );
    expect(
      problemsOf(
        utf8(JSON.stringify({ format: 'waymark-template-pack', formatVersion: 2, templates: [] })),
      )[0],
    ).toContain('formatVersion');
    const kind = problemsOf(
      utf8(
        JSON.stringify({
          format: 'waymark-template-pack',
          formatVersion: 1,
          templates: [{ name: 'x', kind: 'poster' }],
        }),
      ),
    );
    expect(kind[0]).toContain('templates[0].kind');
  });

  it('refuses hostile files: too big, too deep, not JSON, not UTF-8, control characters, unknown fields', () => {
    const huge = new Uint8Array(templatePackLimits.bytes + 1).fill(0x20);
    expect(problemsOf(huge)[0]).toMatch(/^pack_too_large/);
    expect(problemsOf(utf8('['.repeat(100_000)))[0]).toMatch(/^too_deep/);
    expect(problemsOf(utf8('{"format": "waymark-template-pack",'))[0]).toMatch(/^invalid_json/);
    expect(problemsOf(Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]))[0]).toMatch(
      /^not_utf8 .*line 1, column 3/,
    );
    expect(problemsOf(utf8('{"format":"waymark-template-pack","name":"a\\u0007b"}'))[0]).toMatch(
      /^invalid_text name/,
    );
    expect(
      problemsOf(
        utf8('{"format":"waymark-template-pack","formatVersion":1,"templates":[],"__proto__":{}}'),
      )[0],
    ).toContain('__proto__');
    const many = JSON.stringify({
      format: 'waymark-template-pack',
      formatVersion: 1,
      templates: Array.from({ length: templatePackLimits.templates + 1 }, () => ({
        name: 'p',
        kind: 'persona',
        persona: { id: 'p', name: 'P' },
      })),
    });
    expect(problemsOf(utf8(many))[0]).toContain('at most 200 templates');
  });
});

import { z } from 'zod';
import type { JourneyCommand } from '../commands/schema';
import { journeyIdSchema, laneIdSchema, personaIdSchema } from '../journey/ids';
import { parseJourney, problemsFromZod } from '../journey/parse';
import { laneSchema, personaSchema, type Journey, type Lane, type Persona } from '../journey/schema';
import { problem, type Problem } from '../problem';
import { err, ok, type Result } from '../result';
import { decodeText } from '../text/decode-text';
import { describeUnsafeCharacter, findUnsafeText } from '../text/unsafe-text';

/**
 * Templates a workspace keeps and councils share (issue 14 item 5, decision 0036): a whole map, a set of
 * lanes, or a persona; and the template pack, the versioned JSON file they travel in.
 */
export const templateKinds = ['map', 'lanes', 'persona'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export const TEMPLATE_PACK_FORMAT = 'waymark-template-pack';
export const TEMPLATE_PACK_VERSION = 1;
/** What a pack may hold at most; a bigger file is refused before it is read. */
export const templatePackLimits = { bytes: 5 * 1024 * 1024, templates: 200, lanes: 60, depth: 64 } as const;

const words = (max: number) => z.string().trim().min(1, { message: 'expected some text' }).max(max);

/** The content of a template, by kind. A map's journey is checked again by `parseJourney` (invariants too). */
export const templateBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('map'), journey: z.unknown() }),
  z.strictObject({
    kind: z.literal('lanes'),
    lanes: z
      .array(laneSchema)
      .min(1, { message: 'expected at least one lane' })
      .max(templatePackLimits.lanes, { message: `expected at most ${templatePackLimits.lanes} lanes` }),
  }),
  z.strictObject({ kind: z.literal('persona'), persona: personaSchema }),
]);

export type TemplateBody =
  | { readonly kind: 'map'; readonly journey: Journey }
  | { readonly kind: 'lanes'; readonly lanes: readonly Lane[] }
  | { readonly kind: 'persona'; readonly persona: Persona };

/** A template's name and where its content comes from, beside its body. */
export const templateDetailsSchema = z.strictObject({
  name: words(200),
  description: words(2000).optional(),
  /** Where the content comes from: the public guidance it was written from, or the council that shared it. */
  source: words(2000).optional(),
});

/** At pack level an entry need only have a known kind; `readEntry` then checks its details and body together. */
const packEntrySchema = z.looseObject({
  kind: z.enum(templateKinds, { message: 'expected map, lanes or persona' }),
});

export interface TemplateEntry {
  readonly name: string;
  readonly description?: string;
  readonly source?: string;
  readonly body: TemplateBody;
}

export const templatePackSchema = z.strictObject({
  format: z.literal(TEMPLATE_PACK_FORMAT, { message: `expected "${TEMPLATE_PACK_FORMAT}"` }),
  formatVersion: z.literal(TEMPLATE_PACK_VERSION, {
    message: `expected ${TEMPLATE_PACK_VERSION}: this version of Waymark reads template packs of format version ${TEMPLATE_PACK_VERSION}`,
  }),
  name: words(200).optional(),
  exportedAt: z.iso.datetime({ message: 'expected a date and time, e.g. 2026-12-04T15:00:00Z' }).optional(),
  templates: z.array(packEntrySchema).max(templatePackLimits.templates, {
    message: `expected at most ${templatePackLimits.templates} templates`,
  }),
});

export interface TemplatePack {
  readonly name?: string;
  readonly exportedAt?: string;
  readonly templates: readonly TemplateEntry[];
}

/** What was taken out of a template so that it carries no personal data. */
export interface RemovedPersonalData {
  /** Who said a quote (a feeling card's source). */
  readonly quoteSources: number;
  /** Who gave an emotion score. */
  readonly respondents: number;
  /** Named owners of the map, of levers and of ideas. */
  readonly ownerNames: number;
  /** Notes on cards (working notes, like comments). */
  readonly notes: number;
  /** The research behind the map (interviews, surveys, their dates and numbers of people). */
  readonly researchSources: number;
}

export const noneRemoved: RemovedPersonalData = {
  quoteSources: 0,
  respondents: 0,
  ownerNames: 0,
  notes: 0,
  researchSources: 0,
};

export const addRemoved = (a: RemovedPersonalData, b: RemovedPersonalData): RemovedPersonalData => ({
  quoteSources: a.quoteSources + b.quoteSources,
  respondents: a.respondents + b.respondents,
  ownerNames: a.ownerNames + b.ownerNames,
  notes: a.notes + b.notes,
  researchSources: a.researchSources + b.researchSources,
});

function without<T extends object, K extends string>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

/**
 * A journey with no personal data: quote sources, respondents, owner names, card notes and the research
 * sources (with every card's reference to them) removed; review dates, status and `basedOn` reset, as they
 * belong to the map it was made from. Comments live outside the journey and are never in a template.
 */
export function stripJourney(journey: Journey): { journey: Journey; removed: RemovedPersonalData } {
  let quoteSources = 0;
  let respondents = 0;
  let ownerNames = journey.meta.owner !== undefined ? 1 : 0;
  let notes = 0;
  const cards = journey.cards.map((card) => {
    let next: Record<string, unknown> = { ...card };
    if (card.note !== undefined) notes += 1;
    if (card.kind === 'feeling' && card.source !== undefined) quoteSources += 1;
    if (card.kind === 'emotion' && card.respondent !== undefined) respondents += 1;
    if (card.kind === 'lever' && card.owner !== undefined) ownerNames += 1;
    next = without(next, ['note', 'sourceId', 'source', 'respondent', 'owner']);
    return next as typeof card;
  });
  const ideas = journey.ideas.map((idea) => {
    if (idea.owner !== undefined) ownerNames += 1;
    return without(idea, ['owner']) as typeof idea;
  });
  const meta = without(journey.meta, ['owner', 'reviewDate', 'lastVerified', 'basedOn']);
  return {
    journey: { ...journey, meta: { ...meta, status: 'draft' }, cards, ideas, sources: [] },
    removed: { quoteSources, respondents, ownerNames, notes, researchSources: journey.sources.length },
  };
}

/** A template body with no personal data (see `stripJourney`; lanes and personas carry none but their words). */
export function stripTemplate(body: TemplateBody): { body: TemplateBody; removed: RemovedPersonalData } {
  if (body.kind !== 'map') return { body, removed: noneRemoved };
  const { journey, removed } = stripJourney(body.journey);
  return { body: { kind: 'map', journey }, removed };
}

/** Which part of a map to keep as a template. */
export type TemplatePart =
  | { readonly kind: 'map' }
  | { readonly kind: 'lanes'; readonly laneIds: readonly string[] }
  | { readonly kind: 'persona'; readonly personaId: string };

/** The part of `journey` asked for, as a template body without personal data; a missing lane or persona is a Problem. */
export function templateFromJourney(
  journey: Journey,
  part: TemplatePart,
): Result<{ body: TemplateBody; removed: RemovedPersonalData }, Problem[]> {
  if (part.kind === 'map') return ok(stripTemplate({ kind: 'map', journey }));
  if (part.kind === 'persona') {
    const persona = journey.personas.find((p) => p.id === part.personaId);
    if (!persona)
      return err([problem('persona_not_found', ['personaId'], `no persona "${part.personaId}" on this map`)]);
    return ok({ body: { kind: 'persona', persona }, removed: noneRemoved });
  }
  if (part.laneIds.length === 0)
    return err([problem('invalid_too_small', ['laneIds'], 'expected at least one lane')]);
  const lanes: Lane[] = [];
  const problems: Problem[] = [];
  part.laneIds.forEach((id, i) => {
    const lane = journey.lanes.find((l) => l.id === id);
    if (!lane) problems.push(problem('lane_not_found', ['laneIds', i], `no lane "${id}" on this map`));
    // A lane drawn for one persona is kept for anyone: the persona may not be on the map it goes into.
    else lanes.push(without(lane, ['personaId']) as Lane);
  });
  return problems.length > 0 ? err(problems) : ok({ body: { kind: 'lanes', lanes }, removed: noneRemoved });
}

/** A new journey from a map template, with its own id and title. */
export function journeyFromTemplateBody(
  body: Extract<TemplateBody, { kind: 'map' }>,
  options: { readonly id: string; readonly title?: string },
): Result<Journey, Problem[]> {
  const id = journeyIdSchema.safeParse(options.id);
  if (!id.success) return err(problemsFromZod(id.error, ['id']));
  const { journey } = stripJourney(body.journey);
  const title = options.title?.trim();
  return parseJourney({ ...journey, id: id.data, meta: { ...journey.meta, ...(title ? { title } : {}) } });
}

const freeId = (wanted: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const id = `${wanted.slice(0, 75)}-${n}`;
    if (!taken.has(id)) return id;
  }
};

/**
 * The commands that put a lane set or a persona into `journey`: ids already taken get a `-2`… suffix, so
 * nothing on the map is replaced. Applied like any edit, so they can be undone.
 */
export function insertTemplateCommands(
  journey: Journey,
  body: Exclude<TemplateBody, { kind: 'map' }>,
): JourneyCommand[] {
  if (body.kind === 'persona') {
    const taken = new Set<string>(journey.personas.map((p) => p.id));
    const id = personaIdSchema.parse(freeId(body.persona.id, taken));
    return [{ type: 'persona.add', item: { ...body.persona, id } } as JourneyCommand];
  }
  const taken = new Set<string>(journey.lanes.map((l) => l.id));
  return body.lanes.map((lane) => {
    const id = laneIdSchema.parse(freeId(lane.id, taken));
    taken.add(id);
    return { type: 'lane.add', item: { ...without(lane, ['personaId']), id } } as JourneyCommand;
  });
}

/** The deepest nesting of arrays and objects in JSON text (strings skipped), stopping once past `limit`. */
function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (depth > limit) return true;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return false;
}

/** Turns one pack entry (already known to be an object with a kind) into a template, or its problems. */
function readEntry(raw: Record<string, unknown>, at: number): Result<TemplateEntry, Problem[]> {
  const prefix = ['templates', at];
  const { name, description, source, id: _id, ...rest } = raw;
  const details = templateDetailsSchema.safeParse({ name, description, source });
  const body = templateBodySchema.safeParse(rest);
  const problems = [
    ...(details.success ? [] : problemsFromZod(details.error, prefix)),
    ...(body.success ? [] : problemsFromZod(body.error, prefix)),
  ];
  if (!details.success || !body.success) return err(problems);
  let parsed: TemplateBody;
  if (body.data.kind === 'map') {
    const journey = parseJourney(body.data.journey);
    if (!journey.ok)
      return err(journey.error.map((p) => ({ ...p, path: [...prefix, 'journey', ...p.path] })));
    parsed = { kind: 'map', journey: journey.value };
  } else if (body.data.kind === 'lanes') {
    const seen = new Set<string>();
    for (const [i, lane] of body.data.lanes.entries()) {
      if (seen.has(lane.id))
        return err([
          problem('duplicate_id', [...prefix, 'lanes', i, 'id'], `lane id "${lane.id}" is used twice`),
        ]);
      seen.add(lane.id);
    }
    parsed = { kind: 'lanes', lanes: body.data.lanes.map((l) => without(l, ['personaId']) as Lane) };
  } else parsed = { kind: 'persona', persona: body.data.persona };
  return ok({ ...details.data, body: parsed });
}

/**
 * Reads a template pack file: its size, its text encoding (UTF-8 or UTF-16 with a BOM), JSON no deeper than
 * 64 levels, no control characters, then the format, version and every template, each problem naming its
 * field (`templates[2].journey.cards[4].laneId`). Personal data is taken out of what is read (`removed`).
 */
export function parseTemplatePack(
  bytes: Uint8Array,
): Result<{ pack: TemplatePack; removed: RemovedPersonalData }, Problem[]> {
  if (bytes.length > templatePackLimits.bytes)
    return err([
      problem(
        'pack_too_large',
        [],
        `the file is ${bytes.length} bytes; a template pack may be at most ${templatePackLimits.bytes} bytes`,
      ),
    ]);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const d = decoded.error;
    return err([
      problem(d.code, [], `${d.message} (line ${d.line}, column ${d.column}); save the file as UTF-8`),
    ]);
  }
  const text = decoded.value;
  if (jsonDepthOver(text, templatePackLimits.depth))
    return err([
      problem(
        'too_deep',
        [],
        `the file nests deeper than ${templatePackLimits.depth} levels; a template pack never does`,
      ),
    ]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err([
      problem(
        'invalid_json',
        [],
        `the file is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ]);
  }
  const unsafe = findUnsafeText(data);
  if (unsafe)
    return err([
      problem(
        'invalid_text',
        unsafe.path,
        `${describeUnsafeCharacter(unsafe)} is not allowed in a template pack`,
      ),
    ]);
  const shape = templatePackSchema.safeParse(data);
  if (!shape.success) return err(problemsFromZod(shape.error));
  const templates: TemplateEntry[] = [];
  const problems: Problem[] = [];
  let removed = noneRemoved;
  shape.data.templates.forEach((raw, i) => {
    const entry = readEntry(raw as Record<string, unknown>, i);
    if (!entry.ok) problems.push(...entry.error);
    else {
      const stripped = stripTemplate(entry.value.body);
      removed = addRemoved(removed, stripped.removed);
      templates.push({ ...entry.value, body: stripped.body });
    }
  });
  if (problems.length > 0) return err(problems);
  return ok({
    pack: {
      ...(shape.data.name !== undefined ? { name: shape.data.name } : {}),
      ...(shape.data.exportedAt !== undefined ? { exportedAt: shape.data.exportedAt } : {}),
      templates,
    },
    removed,
  });
}

/** A template pack as the JSON text of the file (version 1, documented in docs/template-packs.md). */
export function serialiseTemplatePack(input: {
  readonly name?: string;
  readonly exportedAt: string;
  readonly templates: readonly (TemplateEntry & { readonly id?: string })[];
}): string {
  const pack = {
    format: TEMPLATE_PACK_FORMAT,
    formatVersion: TEMPLATE_PACK_VERSION,
    ...(input.name !== undefined ? { name: input.name } : {}),
    exportedAt: input.exportedAt,
    templates: input.templates.map((t) => ({
      ...(t.id !== undefined ? { id: t.id } : {}),
      name: t.name,
      ...(t.description !== undefined ? { description: t.description } : {}),
      ...(t.source !== undefined ? { source: t.source } : {}),
      ...stripTemplate(t.body).body,
    })),
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Checks a stored body again (it was checked when saved): a map's journey through `parseJourney`. */
export function readTemplateBody(value: unknown): Result<TemplateBody, Problem[]> {
  const body = templateBodySchema.safeParse(value);
  if (!body.success) return err(problemsFromZod(body.error));
  if (body.data.kind !== 'map') return ok(body.data as TemplateBody);
  const journey = parseJourney(body.data.journey);
  return journey.ok ? ok({ kind: 'map', journey: journey.value }) : err(journey.error);
}

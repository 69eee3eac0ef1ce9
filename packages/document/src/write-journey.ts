import { stringify } from 'yaml';
import { journeySchema, type Journey } from '@waymark/core';

const leading = ['schemaVersion', 'id', 'kind'];

/** `id` and `kind` first in every object, so a card reads `id, kind, laneId, columnId, …` in the file. */
function hoist(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hoist);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const rank = (k: string) => (leading.includes(k) ? leading.indexOf(k) : leading.length);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, hoist(v)]));
}

/**
 * The journey with keys in one stable order: the schema's field order (zod builds its output in that order),
 * then id and kind first. Whatever order an editor or a file gave, the written file is the same.
 */
export function canonicalJourney(journey: Journey): unknown {
  const parsed = journeySchema.safeParse(journey);
  return hoist(parsed.success ? parsed.data : journey);
}

/** Pretty JSON, two-space indent, newline at the end. */
export function writeJourneyJson(journey: Journey): string {
  return `${JSON.stringify(canonicalJourney(journey), null, 2)}\n`;
}

/**
 * YAML that reads back to the same journey. Strings a YAML 1.1 reader (PyYAML, older tools) would take for
 * booleans or dates ("yes", "no", "2024-01-01") are quoted, so analysts' scripts read them as text too.
 */
export function writeJourneyYaml(journey: Journey): string {
  return stringify(canonicalJourney(journey), { compat: 'yaml-1.1', lineWidth: 100, minContentWidth: 40 });
}

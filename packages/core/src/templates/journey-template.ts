import type { z } from 'zod';
import type { columnSchema, laneSchema } from '../journey/schema';
import { journeySchema, type Journey, type JourneyInput } from '../journey/schema';

/** What a caller gives a template. `startMonth` and `months` matter only to templates with a dated axis. */
export interface TemplateOptions {
  readonly id: string;
  readonly title?: string;
  /** First month of a dated axis, as YYYY-MM. Pure code has no clock: the shell passes today's month. */
  readonly startMonth?: string;
  /** How many columns a dated axis gets (default 12). */
  readonly months?: number;
}

/** A starting map: the lanes and columns of one way of drawing a journey, with prompts but no content. */
export interface JourneyTemplate {
  readonly label: string;
  readonly description: string;
  /** Builds the journey. Throws on options that break the schema; `createJourneyFromTemplate` checks them first. */
  readonly create: (options: TemplateOptions) => Journey;
}

export type ColumnInput = z.input<typeof columnSchema>;
export type LaneInput = z.input<typeof laneSchema>;

/** `count` columns `${prefix}-1` … labelled `${label} 1` …, each with the same guidance (a hint, not content). */
export const numberedColumns = (
  count: number,
  prefix: string,
  label: string,
  guidance: string,
): ColumnInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    label: `${label} ${i + 1}`,
    guidance,
  }));

/** Fills the schema's defaults and brands the ids; a template that breaks the schema is a bug, so this throws. */
export const buildJourney = (input: JourneyInput): Journey => journeySchema.parse(input);

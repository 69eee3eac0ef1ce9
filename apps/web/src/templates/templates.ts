import {
  createJourneyFromTemplate,
  journeyTemplates,
  templateNames,
  type Journey,
  type TemplateName,
} from '@waymark/core';
import { t, type MessageId } from '../i18n';

/** The starting maps offered when creating a journey: @waymark/core's templates, the same as `waymark new`. */
export const templateIds: readonly TemplateName[] = templateNames;
/** A template's name as the person reads it, in the chosen language (the map it makes keeps its own words). */
export const templateLabel = (id: TemplateName): string =>
  id in templateWords ? t(templateWords[id]!.label) : journeyTemplates[id].label;
/** What a template gives, in the chosen language. */
export const templateHint = (id: TemplateName): string =>
  id in templateWords ? t(templateWords[id]!.hint) : journeyTemplates[id].description;

const templateWords: Partial<Record<TemplateName, { label: MessageId; hint: MessageId }>> = {
  melton: { label: 'app.template.melton', hint: 'app.template.meltonHint' },
  'service-blueprint': {
    label: 'app.template.serviceBlueprint',
    hint: 'app.template.serviceBlueprintHint',
  },
  'life-course': { label: 'app.template.lifeCourse', hint: 'app.template.lifeCourseHint' },
  case: { label: 'app.template.case', hint: 'app.template.caseHint' },
};

export interface TemplateInput {
  readonly id: string;
  readonly title: string;
  readonly journeyType: Journey['meta']['journeyType'];
  /** First month of a dated template, as YYYY-MM (the shell's today: pure templates have no clock). */
  readonly startMonth: string;
}

/** A new journey from a template, of the type chosen on the form; bad input comes back as a sentence. */
export function buildFromTemplate(
  name: TemplateName,
  input: TemplateInput,
): { ok: true; journey: Journey } | { ok: false; message: string } {
  const made = createJourneyFromTemplate(name, {
    id: input.id,
    title: input.title,
    startMonth: input.startMonth,
  });
  if (!made.ok) return { ok: false, message: made.error.map((p) => p.message).join('; ') };
  return {
    ok: true,
    journey: { ...made.value, meta: { ...made.value.meta, journeyType: input.journeyType } },
  };
}

/** A readable id from a title (`ASB victim journey` → `asb-victim-journey`), with a suffix to keep it unique. */
export function slugify(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base === '' ? 'journey' : base}-${suffix}`;
}

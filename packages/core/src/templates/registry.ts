import { z } from 'zod';
import { journeyIdSchema } from '../journey/ids';
import { checkInvariants } from '../journey/invariants';
import { problemsFromZod } from '../journey/parse';
import { monthPattern, type Journey } from '../journey/schema';
import { problem, type Problem } from '../problem';
import { err, ok, type Result } from '../result';
import { caseTemplate } from './case';
import type { JourneyTemplate, TemplateOptions } from './journey-template';
import { lifeCourseTemplate } from './life-course';
import { meltonTemplate } from './melton';
import { serviceBlueprintTemplate } from './service-blueprint';

export const templateNames = ['melton', 'service-blueprint', 'life-course', 'case'] as const;
export type TemplateName = (typeof templateNames)[number];

/** Every template by name: `waymark new --template <name>` and the editor's "new map" list read this. */
export const journeyTemplates: Record<TemplateName, JourneyTemplate> = {
  melton: meltonTemplate,
  'service-blueprint': serviceBlueprintTemplate,
  'life-course': lifeCourseTemplate,
  case: caseTemplate,
};

export const isTemplateName = (name: string): name is TemplateName =>
  (templateNames as readonly string[]).includes(name);

export const templateOptionsSchema = z.strictObject({
  id: journeyIdSchema,
  title: z.string().trim().min(1, { message: 'expected some text' }).max(200).optional(),
  startMonth: z
    .string()
    .regex(monthPattern, { message: 'expected a month as YYYY-MM, e.g. 2008-11' })
    .optional(),
  months: z
    .number()
    .int({ message: 'expected a whole number of months' })
    .min(1, { message: 'expected at least 1 month' })
    .max(120, { message: 'expected at most 120 months' })
    .optional(),
});

/** A new journey from the named template; unknown names and bad options come back as Problems, never throws. */
export function createJourneyFromTemplate(
  name: string,
  options: TemplateOptions,
): Result<Journey, Problem[]> {
  if (!isTemplateName(name)) {
    return err([
      problem(
        'template_not_found',
        ['template'],
        `no template "${name}"; expected one of ${templateNames.join(', ')}`,
      ),
    ]);
  }
  const parsed = templateOptionsSchema.safeParse(options);
  if (!parsed.success) return err(problemsFromZod(parsed.error));
  const journey = journeyTemplates[name].create(parsed.data);
  const broken = checkInvariants(journey);
  return broken.length > 0 ? err(broken) : ok(journey);
}

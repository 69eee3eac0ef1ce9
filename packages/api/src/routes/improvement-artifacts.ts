import {
  activityCategorySchema,
  benefitSchema,
  businessCaseInputSchema,
  fiveCaseTextSchema,
  formatPath,
  indicatorSchema,
  indicatorValueSchema,
  observationPlanSchema,
} from '@waymark/measure';
import type { ArtifactKind } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';

const journeyRef = z.string().min(1).max(100);

/** A business case: the appraisal input of @waymark/measure plus what the printed case needs around it. */
export const businessCaseArtifactSchema = z.strictObject({
  input: businessCaseInputSchema,
  /** The comparison its savings were prefilled from. */
  comparison: z.strictObject({ current: journeyRef, desired: journeyRef }).optional(),
  organisation: z.string().max(200).optional(),
  fiveCase: fiveCaseTextSchema.optional(),
  benefits: z.array(benefitSchema).max(200).default([]),
  /** ± percent each assumption is varied by in the tornado. */
  sensitivityPercent: z.number().gt(0).max(100).default(10),
});

/** Indicators of a journey, each with its values by period. */
export const indicatorsArtifactSchema = z.strictObject({
  indicators: z
    .array(
      z.strictObject({
        ...indicatorSchema.shape,
        values: z.array(indicatorValueSchema).max(1000).default([]),
      }),
    )
    .max(100)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((ind, i) => {
        if (seen.has(ind.key))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'key'],
            message: `expected a unique key; '${ind.key}' is used twice`,
          });
        seen.add(ind.key);
        const periods = new Set<string>();
        ind.values.forEach((v, k) => {
          if (periods.has(v.period))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'values', k, 'period'],
              message: `expected each period once; ${v.period} repeats`,
            });
          periods.add(v.period);
        });
      });
    }),
});

/** An activity-sampling study: its categories, plan, schedule and the observations recorded (category ids). */
export const samplingStudyArtifactSchema = z
  .strictObject({
    title: z.string().max(200).default(''),
    categories: z.array(activityCategorySchema).min(1, { error: 'expected at least one category' }).max(50),
    confidence: z.number().gt(0).lt(1).default(0.95),
    margin: z.number().gt(0).lt(1).default(0.05),
    /** Possible observations (staff × working minutes), for the finite-population correction. */
    population: z.number().int().min(1).optional(),
    plan: observationPlanSchema.optional(),
    schedule: z
      .array(z.strictObject({ date: z.string(), time: z.string() }))
      .max(10_000)
      .default([]),
    observations: z.array(z.string()).max(100_000).default([]),
  })
  .superRefine((study, ctx) => {
    const ids = new Set(study.categories.map((c) => c.id));
    if (ids.size !== study.categories.length)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'expected each category id once' });
    const bad = study.observations.findIndex((o) => !ids.has(o));
    if (bad >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['observations', bad],
        message: `expected one of ${[...ids].join(', ')}`,
      });
  });

export const artifactSchemas: Record<ArtifactKind, z.ZodType> = {
  'business-case': businessCaseArtifactSchema,
  indicators: indicatorsArtifactSchema,
  'sampling-study': samplingStudyArtifactSchema,
};

export type BusinessCaseArtifact = z.output<typeof businessCaseArtifactSchema>;

/** Checks an artefact's data against its kind; a 400 naming the field (`data.input.costs[0].amount`) if wrong. */
export function parseArtifactData(kind: ArtifactKind, data: unknown): unknown {
  const parsed = artifactSchemas[kind].safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({
    path: formatPath(['data', ...i.path]),
    message: i.message,
  }));
  const first = problems[0]!;
  throw fail('invalid_request', `${first.path}: ${first.message}`, first.path, { problems });
}

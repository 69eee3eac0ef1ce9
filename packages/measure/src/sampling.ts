import { err, ok, type Result } from '@waymark/core';
import { inputError, type InputError } from './input-error';
import { zForConfidence } from './wilson';

/** A sample size: the formula's exact value and the whole observations to plan (rounded up). */
export interface SampleSize {
  readonly exact: number;
  readonly observations: number;
}

const confidences = [0.8, 0.9, 0.95, 0.98, 0.99];
const sized = (exact: number): SampleSize => ({ exact, observations: Math.ceil(exact - 1e-9) });

function checkShareAndConfidence(expectedShare: number, confidence: number): InputError[] {
  const errors: InputError[] = [];
  if (!(expectedShare > 0 && expectedShare < 1)) {
    errors.push(inputError('expectedShare', 'expected a share between 0 and 1, e.g. 0.5 when unknown'));
  }
  if (!confidences.includes(confidence))
    errors.push(inputError('confidence', `expected one of ${confidences.join(', ')}`));
  return errors;
}

/** Observations for an absolute margin e: n = z² p(1 − p) / e² (p = 0.5, e = 0.05, 95 % → 385). */
export function sampleSizeForMargin(
  margin: number,
  expectedShare = 0.5,
  confidence = 0.95,
): Result<SampleSize, readonly InputError[]> {
  const errors = checkShareAndConfidence(expectedShare, confidence);
  if (!(margin > 0 && margin < 1))
    errors.unshift(inputError('margin', 'expected a margin between 0 and 1, e.g. 0.05'));
  if (errors.length > 0) return err(errors);
  const z = zForConfidence(confidence);
  return ok(sized((z * z * expectedShare * (1 - expectedShare)) / (margin * margin)));
}

/** Observations for a margin relative to the share, s: n = z² (1 − p) / (s² p). */
export function sampleSizeForRelativeMargin(
  relativeMargin: number,
  expectedShare: number,
  confidence = 0.95,
): Result<SampleSize, readonly InputError[]> {
  const errors = checkShareAndConfidence(expectedShare, confidence);
  if (!(relativeMargin > 0 && relativeMargin < 1)) {
    errors.unshift(
      inputError('relativeMargin', 'expected a relative margin between 0 and 1, e.g. 0.1 for ±10 %'),
    );
  }
  if (errors.length > 0) return err(errors);
  const z = zForConfidence(confidence);
  return ok(sized((z * z * (1 - expectedShare)) / (relativeMargin * relativeMargin * expectedShare)));
}

/**
 * Finite population of N: n' = n / (1 + (n − 1)/N). Pass the unrounded n, as domain.md §6 does
 * (384.2 with N = 2,000 → 322.4, planned as 323); the result is rounded up once, at the end.
 */
export function correctForFinitePopulation(
  n: number,
  population: number,
): Result<SampleSize, readonly InputError[]> {
  if (!Number.isInteger(population) || population < 1) {
    return err([inputError('population', 'expected a whole number of possible observations ≥ 1')]);
  }
  if (!(n >= 1)) return err([inputError('n', 'expected a sample size ≥ 1')]);
  return ok(sized(n / (1 + (n - 1) / population)));
}

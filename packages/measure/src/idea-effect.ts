import { err, ok, type Result } from '@waymark/core';
import type { CostTable } from './channel-costs';
import type { ExpectedEffect, Idea } from './ideas';
import { inputError, type InputError } from './input-error';

/** The journey's figures an idea's effect applies to. */
export interface BaselineFigures {
  readonly contactsPerJourney: number;
  readonly endToEndDays: number;
  /** Avoidable share of all contacts, 0..1. */
  readonly avoidableShare: number;
  /** Share of contacts by channel; normalised by its total. */
  readonly channelMix: Readonly<Record<string, number>>;
}

export interface ExpectedFigures extends BaselineFigures {
  /** Contacts × average cost of the mix, when a cost table is given. */
  readonly costPerJourney: number | null;
}

const floor0 = (x: number) => Math.max(0, x);

function normalised(mix: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, total > 0 ? v / total : 0]));
}

function costOf(figures: BaselineFigures, table: CostTable | undefined): number | null {
  if (table === undefined) return null;
  let average = 0;
  for (const [channel, s] of Object.entries(figures.channelMix)) {
    const cost = table.perContact[channel];
    if (cost === undefined) return s > 0 ? null : average;
    average += s * cost;
  }
  return figures.contactsPerJourney * average;
}

/**
 * Apply ideas' expected effects to baseline figures, one after another: contacts and days fall by
 * what each removes (not below zero), the avoidable share by its reduction, and each channel shift
 * moves its share of the from-channel's contacts to the to-channel.
 */
export function applyExpectedEffects(
  baseline: BaselineFigures,
  effects: readonly ExpectedEffect[],
  costTable?: CostTable,
): Result<ExpectedFigures, readonly InputError[]> {
  let mix = normalised(baseline.channelMix);
  let contacts = baseline.contactsPerJourney;
  let days = baseline.endToEndDays;
  let avoidable = baseline.avoidableShare;
  for (const [i, effect] of effects.entries()) {
    contacts = floor0(contacts - (effect.contactsRemovedPerJourney ?? 0));
    days = floor0(days - (effect.daysSaved ?? 0));
    avoidable = floor0(avoidable - (effect.avoidableShareReduction ?? 0));
    for (const [j, shift] of (effect.channelShift ?? []).entries()) {
      const from = mix[shift.from];
      if (from === undefined) {
        return err([
          inputError(
            `effects[${i}].channelShift[${j}].from`,
            `expected a channel in the mix: ${Object.keys(mix).join(', ')}`,
          ),
        ]);
      }
      const moved = from * shift.share;
      mix = { ...mix, [shift.from]: from - moved, [shift.to]: (mix[shift.to] ?? 0) + moved };
    }
  }
  const figures = {
    contactsPerJourney: contacts,
    endToEndDays: days,
    avoidableShare: avoidable,
    channelMix: mix,
  };
  return ok({ ...figures, costPerJourney: costOf(figures, costTable) });
}

/**
 * A 1–5 value score from an idea's expected effect: the largest relative improvement it makes to
 * contacts, days, avoidable share or cost per journey, banded at 5 %, 10 %, 20 % and 35 %.
 */
export function ideaValueScore(
  idea: Idea,
  baseline: BaselineFigures,
  costTable?: CostTable,
  bands = [0.05, 0.1, 0.2, 0.35],
): number {
  const after = applyExpectedEffects(baseline, [idea.expectedEffect], costTable);
  if (!after.ok) return 1;
  const rel = (before: number, now: number) => (before > 0 ? (before - now) / before : 0);
  const costBefore = costOf({ ...baseline, channelMix: normalised(baseline.channelMix) }, costTable);
  const gain = Math.max(
    rel(baseline.contactsPerJourney, after.value.contactsPerJourney),
    rel(baseline.endToEndDays, after.value.endToEndDays),
    rel(baseline.avoidableShare, after.value.avoidableShare),
    costBefore === null || after.value.costPerJourney === null
      ? 0
      : rel(costBefore, after.value.costPerJourney),
  );
  return 1 + bands.filter((b) => gain >= b).length;
}

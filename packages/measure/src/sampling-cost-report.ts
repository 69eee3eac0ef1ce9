import type { ActivityCosting } from './activity-costing';
import type { ValueClassification } from './activity-profile';
import { costBasisLabel } from './cost-model';
import { penceToPounds } from './money';
import { englishWords, type Words } from './words';

/** A classification as the catalogue's select has it (`measure.samplingCost.classification`). */
const classKey: Record<ValueClassification, string> = {
  'value-added': 'valueAdded',
  'necessary-non-value-added': 'necessary',
  waste: 'waste',
};

/** A cell of a Markdown table: a label with a `|` in it would start a new cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * `waymark sampling-cost`'s Markdown report (issue 13 item 6): each sampled activity's share, hours and cost a
 * year with the cost's 95 % interval, the cost of non-value-added time and of waste, and the costs' basis. Every
 * word and number from the catalogue (namespace `measure.samplingCost`), in the language of `words`.
 */
export function renderSamplingCostMarkdown(
  observations: number,
  c: ActivityCosting,
  words: Words = englishWords,
): string {
  const w = words.t.bind(words);
  const header = [
    w('measure.samplingCost.column.activity'),
    w('measure.samplingCost.column.classification'),
    w('measure.samplingCost.column.share'),
    w('measure.samplingCost.column.hours'),
    w('measure.samplingCost.column.cost'),
    w('measure.samplingCost.column.interval'),
  ];
  return [
    `# ${w('measure.samplingCost.title')}`,
    '',
    w('measure.samplingCost.intro', {
      observations,
      hours: c.staffHoursPerYear,
      rate: c.loadedHourlyRate,
    }),
    '',
    `| ${header.join(' | ')} |`,
    `|${' --- |'.repeat(header.length)}`,
    ...c.activities.map(
      (a) =>
        `| ${[
          cell(a.label),
          w('measure.samplingCost.classification', { classification: classKey[a.classification] }),
          w('measure.samplingCost.share', { share: a.share * 100 }),
          w('measure.samplingCost.hours', { hours: a.hoursPerYear }),
          w('measure.samplingCost.money', { cost: penceToPounds(a.costPerYear) }),
          w('measure.samplingCost.range', { low: penceToPounds(a.costLow), high: penceToPounds(a.costHigh) }),
        ].join(' | ')} |`,
    ),
    '',
    w('measure.samplingCost.nonValueAdded', { cost: penceToPounds(c.nonValueAddedCost) }),
    w('measure.samplingCost.waste', { cost: penceToPounds(c.wasteCost) }),
    '',
    w('costs.basis.costsUsed', { basis: costBasisLabel(c.basis, words) }),
    '',
  ].join('\n');
}

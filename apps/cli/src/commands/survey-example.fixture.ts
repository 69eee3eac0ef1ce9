import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The worked example of docs/worked-checks/survey-scores.md ("step Reports the problem"), as the survey tests of
// `waymark analyse --survey` and `waymark compare --survey` feed it to the command line.
const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
export const current = join(examples, 'melton-asb-victim-current.yaml');
export const desired = join(examples, 'melton-asb-victim-desired.yaml');

const repeat = (value: number, times: number) => new Array<number>(times).fill(value);
const satisfaction = [1, 2, 2, 3, 3, 3, ...repeat(4, 8), ...repeat(5, 6)];
const effort = [1, 2, 3, 3, 4, 4, 4, ...repeat(5, 5), ...repeat(6, 5), ...repeat(7, 3)];
const recommend = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, ...repeat(9, 4), ...repeat(10, 6)];

/** A SmartSurvey-like export: respondents, answers "4" or "4 - Satisfied" style, the worked example's answers. */
export function surveyCsv(): string {
  const rows = satisfaction.map((s, i) => `${1000 + i},${s},${effort[i]},${recommend[i]}`);
  return `Response ID,Satisfaction,Ease,Recommend\n${rows.join('\n')}\n`;
}

/** The example's --survey-map: two questions about "Report problem", one about the whole journey. */
export const mapping = {
  respondent: 'Response ID',
  questions: [
    { column: 'Satisfaction', kind: 'rating', scale: '1-5', stepId: 'Report problem' },
    { column: 'Ease', kind: 'ces', scale: '1-7', stepId: 'Report problem' },
    { column: 'Recommend', kind: 'nps', scale: '0-10' },
  ],
};

/** 12 cases reporting once each by phone: no repeats, so none of the 12 contacts is avoidable (Wilson 0 %–24.2 %). */
export function onceLog(): string {
  const lines = ['case,activity,timestamp,channel'];
  for (let c = 1; c <= 12; c++)
    lines.push(`C${c},Report problem,2026-03-${String(c).padStart(2, '0')}T09:00:00Z,Phone`);
  return `${lines.join('\n')}\n`;
}

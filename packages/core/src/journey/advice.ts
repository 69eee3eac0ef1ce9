import { problem, type Problem, type ProblemValues } from '../problem';
import type { Journey } from './schema';

/**
 * Advice on a valid journey: things that are allowed but usually mistakes. Every problem is a warning, with a
 * path to the item and a sentence a workshop facilitator can act on.
 */
export function adviseJourney(j: Journey): Problem[] {
  return [...adviseLinks(j), ...adviseDates(j), ...adviseEmotionLanes(j), ...adviseStepColumns(j)];
}

const warn = (code: string, path: Problem['path'], message: string, values: ProblemValues) =>
  problem(code, path, message, 'warning', values);

function adviseLinks(j: Journey): Problem[] {
  const position = new Map(j.columns.map((c, i) => [c.id as string, i]));
  const out: Problem[] = [];
  j.links.forEach((link, i) => {
    if (link.kind === 'feedback-loop' && link.to.kind === 'column') {
      const from = position.get(link.from.columnId);
      const to = position.get(link.to.columnId);
      if (from !== undefined && to !== undefined && to > from) {
        out.push(
          warn(
            'feedback_loop_forward',
            ['links', i, 'to', 'columnId'],
            `feedback loop "${link.id}" goes forward from "${link.from.columnId}" to the later column "${link.to.columnId}"; a feedback loop goes back to an earlier step or to the customer`,
            { link: link.id, from: link.from.columnId, to: link.to.columnId },
          ),
        );
      }
    }
    if (link.kind === 'outside-request' && link.to.kind !== 'organisation') {
      out.push(
        warn(
          'outside_request_not_to_organisation',
          ['links', i, 'to'],
          `outside request "${link.id}" is aimed at ${link.to.kind === 'customer' ? 'the customer' : `column "${link.to.columnId}"`}; an outside request goes to an organisation (an outside agency)`,
          link.to.kind === 'customer'
            ? { link: link.id, target: 'customer', column: '' }
            : { link: link.id, target: 'column', column: link.to.columnId },
        ),
      );
    }
  });
  return out;
}

/** Periods belong on a dates axis, in order (a month sorts before the days in it). */
function adviseDates(j: Journey): Problem[] {
  const out: Problem[] = [];
  let previous: { period: string; id: string } | undefined;
  j.columns.forEach((column, i) => {
    if (column.period === undefined) return;
    if (j.axis.kind !== 'dates') {
      out.push(
        warn(
          'period_on_non_dates_axis',
          ['columns', i, 'period'],
          `column "${column.id}" has the period ${column.period}, but the journey's axis is ${j.axis.kind}; set the axis to dates or remove the period`,
          { column: column.id, period: column.period, axis: j.axis.kind },
        ),
      );
      return;
    }
    if (previous && column.period < previous.period) {
      out.push(
        warn(
          'period_out_of_order',
          ['columns', i, 'period'],
          `column "${column.id}" (${column.period}) comes after column "${previous.id}" (${previous.period}); dated columns should run in date order`,
          {
            column: column.id,
            period: column.period,
            previous: previous.id,
            previousPeriod: previous.period,
          },
        ),
      );
    }
    previous = { period: column.period, id: column.id };
  });
  return out;
}

function adviseEmotionLanes(j: Journey): Problem[] {
  const scored = new Set<string>(j.cards.filter((c) => c.kind === 'emotion').map((c) => c.laneId));
  const out: Problem[] = [];
  j.lanes.forEach((lane, i) => {
    if (lane.kind === 'emotion' && !scored.has(lane.id)) {
      out.push(
        warn(
          'emotion_lane_empty',
          ['lanes', i],
          `emotion lane "${lane.label}" has no scores yet; add a score (−100 to +100) for at least one step`,
          { lane: lane.label },
        ),
      );
    }
  });
  return out;
}

/** On a steps axis, each column is a step and should name it with a key-step card. */
function adviseStepColumns(j: Journey): Problem[] {
  if (j.axis.kind !== 'steps') return [];
  const named = new Set<string>(j.cards.filter((c) => c.kind === 'step').map((c) => c.columnId));
  const out: Problem[] = [];
  j.columns.forEach((column, i) => {
    if (!named.has(column.id)) {
      out.push(
        warn(
          'step_column_without_step',
          ['columns', i],
          `column "${column.label}" has no key-step card; add one in a key steps lane saying what the customer experiences here`,
          { column: column.label },
        ),
      );
    }
  });
  return out;
}

import type { JourneyId } from '@waymark/core';
import { scoreQuestion } from '@waymark/measure';
import type { SurveyBand } from '@waymark/render';
import type { WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';

/**
 * Each surveyed step's emotion band for the poster, the print view and the share view (issue 13 item 3): the
 * interval of the step's rating (or NPS) question with the most answers, as the survey evidence gives the
 * editor. Only figures leave: no answer, quote or respondent. None when the server keeps no surveys.
 */
export async function surveyBandsOf(
  deps: ApiDeps,
  workspaceId: WorkspaceId,
  journeyId: JourneyId,
): Promise<SurveyBand[]> {
  const store = deps.surveys;
  if (!store) return [];
  const best = new Map<string, SurveyBand>();
  for (const survey of await store.listSurveys(workspaceId, journeyId))
    for (const q of survey.questions) {
      if (q.stepId === undefined || q.kind === 'text' || q.scale === undefined) continue;
      const band = scoreQuestion({ kind: q.kind, scale: q.scale, counts: q.counts }).emotion;
      if (band && band.n > (best.get(q.stepId)?.n ?? 0))
        best.set(q.stepId, { stepId: q.stepId, low: band.low, high: band.high, n: band.n });
    }
  return [...best.values()];
}

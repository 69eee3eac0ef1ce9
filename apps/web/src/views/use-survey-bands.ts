import { useEffect, useState } from 'react';
import type { SurveyBand } from '@waymark/render';
import { surveysApi } from '../surveys/surveys-api';

const none: readonly SurveyBand[] = [];

/**
 * The survey's emotion band of each surveyed step of a journey, from the same evidence the editor draws (issue 13
 * item 3); none while loading or when the journey has no survey or the person cannot read it.
 */
export function useSurveyBands(ws: string, id: string): readonly SurveyBand[] {
  const [bands, setBands] = useState<readonly SurveyBand[]>(none);
  useEffect(() => {
    let live = true;
    surveysApi
      .evidence(ws, id)
      .then((e) => {
        if (!live) return;
        const found = e.steps.flatMap((s) =>
          s.emotion ? [{ stepId: s.stepId, low: s.emotion.low, high: s.emotion.high, n: s.emotion.n }] : [],
        );
        setBands(found.length > 0 ? found : none);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ws, id]);
  return bands;
}

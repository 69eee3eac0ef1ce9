import { useEffect, useState } from 'react';
import { surveysApi, type StepEvidence, type SurveyEvidence } from './surveys-api';

/** One request per journey shared by every cell of the map; asked again after half a minute. */
const cache = new Map<string, { at: number; promise: Promise<SurveyEvidence | null> }>();

/** Forgets what was fetched, so the map asks again (after an import, or when a survey is removed). */
export function forgetSurveyEvidence(): void {
  cache.clear();
}

function journeyOfPage(): { ws: string; id: string } | null {
  const m = /^\/w\/([^/]+)\/j\/([^/]+)\/?$/.exec(window.location.pathname);
  if (!m) return null;
  try {
    return { ws: decodeURIComponent(m[1]!), id: decodeURIComponent(m[2]!) };
  } catch {
    return null;
  }
}

/** The survey evidence of the step on the map being edited (none on other pages, such as a guest's map). */
export function useStepSurvey(columnId: string): StepEvidence | null {
  const [evidence, setEvidence] = useState<SurveyEvidence | null>(null);
  useEffect(() => {
    const page = journeyOfPage();
    if (!page) return;
    const key = `${page.ws}/${page.id}`;
    let entry = cache.get(key);
    if (!entry || Date.now() - entry.at > 30_000) {
      entry = { at: Date.now(), promise: surveysApi.evidence(page.ws, page.id).catch(() => null) };
      cache.set(key, entry);
    }
    let live = true;
    void entry.promise.then((e) => {
      if (live) setEvidence(e);
    });
    return () => {
      live = false;
    };
  }, []);
  return evidence?.steps.find((s) => s.stepId === columnId) ?? null;
}

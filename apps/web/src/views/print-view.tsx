import { useEffect, useMemo, useState } from 'react';
import type { Journey } from '@waymark/core';
import {
  planPosterSheets,
  posterSheetSvg,
  posterSize,
  renderSvg,
  sheetImagePlacement,
  type ImagePlacement,
  type SheetMode,
} from '@waymark/render';
import { getLocale, t } from '../i18n';
import { shownLanguages, useContentView } from '../editor/bilingual-content';
import { Link } from '../app/router';
import { useTitle } from '../app/use-title';
import { ExportMenu } from '../export/export-menu';
import { ShareButton } from './share-dialog';
import { describePlan, sheetLabel } from './print-model';
import { useSurveyBands } from './use-survey-bands';
import { useViewJourney } from './use-view-journey';
import { ViewProblem } from './view-problem';
import './views.css';

const modes: readonly SheetMode[] = ['auto', 'fit', 'tile'];

/** The print / poster view (/w/:ws/j/:id/print): the A3 landscape poster, ready for the browser's Print. */
export function PrintPage({ ws, id }: { ws: string; id: string }) {
  const loaded = useViewJourney(ws, id);
  useTitle(
    loaded.status === 'ready'
      ? t('views.print.pageTitle', { title: loaded.value.meta.title })
      : t('views.print.title'),
  );
  if (loaded.status === 'loading') return <p role="status">{t('views.loadingJourney')}</p>;
  if (loaded.status === 'failed')
    return <ViewProblem title={t('views.print.cannot')} message={loaded.message} ws={ws} />;
  return <PrintPoster ws={ws} id={id} journey={loaded.value} />;
}

const A3 = { width: 1190.55, height: 841.89 };
const percent = (n: number, of: number) => `${(n / of) * 100}%`;
/** A tile's image placed in percentages of the sheet, so it is right on screen and on paper. */
const tileStyle = (at: ImagePlacement) => ({
  left: percent(at.left, 420),
  top: percent(at.top, 297),
  width: percent(at.width, 420),
  height: percent(at.height, 297),
});

/**
 * An object URL for `text` while it is given (null otherwise), revoked when it changes or the page goes: the
 * tiles of a split poster all show this one image, so the browser lays the drawing out once.
 */
function useObjectUrl(text: string | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(new Blob([text], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, type]);
  return url;
}

function PrintPoster({ ws, id, journey }: { ws: string; id: string; journey: Journey }) {
  const [mode, setMode] = useState<SheetMode>('auto');
  const view = useContentView();
  const surveyBands = useSurveyBands(ws, id);
  const svg = useMemo(
    () =>
      renderSvg(journey, {
        idPrefix: 'print',
        locale: getLocale(),
        contentLanguages: shownLanguages(journey, view),
        surveyBands,
      }),
    [journey, view, surveyBands],
  );
  const size = useMemo(() => posterSize(svg) ?? A3, [svg]);
  const plan = useMemo(() => planPosterSheets(size, mode), [size, mode]);
  const imageUrl = useObjectUrl(plan.mode === 'tiled' ? svg : null, 'image/svg+xml');
  return (
    <div className="print-view">
      <div className="print-view__controls">
        <p className="print-view__back">
          <Link to={{ page: 'editor', ws, id }}>{t('views.problem.backToJourney')}</Link>
        </p>
        <h1 className="print-view__title">{t('views.print.heading', { title: journey.meta.title })}</h1>
        <div className="print-view__actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('views.print.print')}
          </button>
          <ExportMenu ws={ws} journeyId={id} journey={journey} sheets={mode} />
          <ShareButton ws={ws} journeyId={id} />
        </div>
        <fieldset className="print-view__modes">
          <legend>{t('views.print.sheets')}</legend>
          {modes.map((m) => (
            <div className="radio" key={m}>
              <input
                type="radio"
                id={`sheets-${m}`}
                name="sheets"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                aria-describedby={`sheets-${m}-hint`}
              />
              <label htmlFor={`sheets-${m}`}>{t(`views.print.mode.${m}`)}</label>
              <span className="hint" id={`sheets-${m}-hint`}>
                {t(`views.print.modeHint.${m}`)}
              </span>
            </div>
          ))}
        </fieldset>
        <p className="print-view__plan" role="status">
          {describePlan(plan)}
        </p>
        <p className="hint">{t('views.print.dialogueHint')}</p>
      </div>
      <div className="print-view__sheets">
        {plan.sheets.map((sheet, i) => (
          <figure className="print-sheet" key={`${mode}-${i}`}>
            <figcaption className="print-sheet__label">{sheetLabel(plan, i)}</figcaption>
            {plan.mode === 'one-sheet' ? (
              <div
                className="print-sheet__paper"
                dangerouslySetInnerHTML={{ __html: posterSheetSvg(svg, sheet) }}
              />
            ) : (
              <div className="print-sheet__paper print-sheet__paper--tile">
                {imageUrl ? (
                  <img
                    src={imageUrl}
                    alt={
                      i === 0
                        ? t('views.print.tileAlt', { title: journey.meta.title, sheets: plan.sheets.length })
                        : ''
                    }
                    style={tileStyle(sheetImagePlacement(plan, size, i))}
                  />
                ) : null}
              </div>
            )}
          </figure>
        ))}
      </div>
    </div>
  );
}

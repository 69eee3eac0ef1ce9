import { useMemo, useState } from 'react';
import type { Journey } from '@waymark/core';
import { planPosterSheets, posterSheetSvg, posterSize, renderSvg, type SheetMode } from '@waymark/render';
import { Link } from '../app/router';
import { useTitle } from '../app/use-title';
import { ExportMenu } from '../export/export-menu';
import { ShareButton } from './share-dialog';
import { describePlan, sheetLabel } from './print-model';
import { useViewJourney } from './use-view-journey';
import { ViewProblem } from './view-problem';
import './views.css';

const modes: { id: SheetMode; label: string; hint: string }[] = [
  { id: 'auto', label: 'Automatic', hint: 'One sheet if the text stays readable, otherwise several' },
  { id: 'fit', label: 'Fit on one sheet', hint: 'Shrinks a large map to one A3 sheet' },
  { id: 'tile', label: 'Split over sheets', hint: 'Keeps text readable; join the sheets into a wall poster' },
];

/** The print / poster view (/w/:ws/j/:id/print): the A3 landscape poster, ready for the browser's Print. */
export function PrintPage({ ws, id }: { ws: string; id: string }) {
  const loaded = useViewJourney(ws, id);
  useTitle(loaded.status === 'ready' ? `Print ${loaded.value.meta.title}` : 'Print poster');
  if (loaded.status === 'loading') return <p role="status">Loading the journey…</p>;
  if (loaded.status === 'failed')
    return <ViewProblem title="This journey cannot be printed" message={loaded.message} ws={ws} />;
  return <PrintPoster ws={ws} id={id} journey={loaded.value} />;
}

function PrintPoster({ ws, id, journey }: { ws: string; id: string; journey: Journey }) {
  const [mode, setMode] = useState<SheetMode>('auto');
  const svg = useMemo(() => renderSvg(journey, { idPrefix: 'print' }), [journey]);
  const plan = useMemo(() => {
    const size = posterSize(svg) ?? { width: 1190.55, height: 841.89 };
    return planPosterSheets(size, mode);
  }, [svg, mode]);
  const sheets = useMemo(
    () => plan.sheets.map((sheet, i) => posterSheetSvg(svg, sheet, i === 0, 'print-poster')),
    [svg, plan],
  );
  return (
    <div className="print-view">
      <div className="print-view__controls">
        <p className="print-view__back">
          <Link to={{ page: 'editor', ws, id }}>Back to the journey</Link>
        </p>
        <h1 className="print-view__title">Print the poster: {journey.meta.title}</h1>
        <div className="print-view__actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <ExportMenu ws={ws} journeyId={id} journey={journey} />
          <ShareButton ws={ws} journeyId={id} />
        </div>
        <fieldset className="print-view__modes">
          <legend>Sheets</legend>
          {modes.map((m) => (
            <div className="radio" key={m.id}>
              <input
                type="radio"
                id={`sheets-${m.id}`}
                name="sheets"
                value={m.id}
                checked={mode === m.id}
                onChange={() => setMode(m.id)}
                aria-describedby={`sheets-${m.id}-hint`}
              />
              <label htmlFor={`sheets-${m.id}`}>{m.label}</label>
              <span className="hint" id={`sheets-${m.id}-hint`}>
                {m.hint}
              </span>
            </div>
          ))}
        </fieldset>
        <p className="print-view__plan" role="status">
          {describePlan(plan)}
        </p>
        <p className="hint">
          In the print dialogue choose A3, landscape, margins none, and turn on background graphics if
          offered.
        </p>
      </div>
      <div className="print-view__sheets">
        {sheets.map((markup, i) => (
          <figure className="print-sheet" key={`${mode}-${i}`}>
            <figcaption className="print-sheet__label">{sheetLabel(plan, i)}</figcaption>
            <div className="print-sheet__paper" dangerouslySetInnerHTML={{ __html: markup }} />
          </figure>
        ))}
      </div>
    </div>
  );
}

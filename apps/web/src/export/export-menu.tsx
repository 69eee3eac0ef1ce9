import { useEffect, useId, useRef, useState } from 'react';
import { isBilingual, type Journey } from '@waymark/core';
import { getLocale, t } from '../i18n';
import { shownLanguages, useContentView } from '../editor/bilingual-content';
import { useOneAtATime } from '../state/one-at-a-time';
import { errorText } from '../ui/field';
import { downloadFile } from './download';
import {
  exportFileName,
  exportFormats,
  exportUrl,
  type ExportFormat,
  type SheetChoice,
} from './export-formats';
import './export.css';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly format: ExportFormat }
  | { readonly kind: 'done'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly format: ExportFormat; readonly message: string };

/**
 * The Export button of the editor and the print view: a disclosure listing every format with what it is for.
 * Files come from the API (so each export is audited and matches the saved journey); PNG and PDF are drawn
 * by the server's Chromium, one at a time, so they can take a few seconds: the status line says so.
 */
export function ExportMenu({
  ws,
  journeyId,
  journey,
  sheets,
}: {
  ws: string;
  journeyId: string;
  journey: Journey;
  /** The print view's sheet choice, which the PDF then follows. */
  sheets?: SheetChoice;
}) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // "Downloaded …" sits over the page below the button: it goes after a while; failures stay until the next try.
  useEffect(() => {
    if (status.kind !== 'done') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), 10_000);
    return () => clearTimeout(timer);
  }, [status]);

  const view = useContentView();
  const words = {
    locale: getLocale(),
    languages: isBilingual(journey.meta) ? shownLanguages(journey, view) : undefined,
  };
  const oneAtATime = useOneAtATime();
  const run = (format: ExportFormat) =>
    oneAtATime.run(async () => {
      const fileName = exportFileName(journey, format);
      setStatus({ kind: 'busy', format });
      try {
        await downloadFile(exportUrl(ws, journeyId, format, sheets, words), fileName);
        setStatus({ kind: 'done', fileName });
        setOpen(false);
        toggle.current?.focus();
      } catch (error) {
        setStatus({ kind: 'failed', format, message: errorText(error) });
      }
    });

  const busy = status.kind === 'busy';
  return (
    <div
      className="export-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button--secondary export-menu__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        {t('export.web.button')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={`${id}-panel`} className="export-menu__panel" hidden={!open}>
        <h2 className="export-menu__heading" id={`${id}-heading`}>
          {t('export.web.heading')}
        </h2>
        <ul className="export-menu__list" aria-labelledby={`${id}-heading`}>
          {exportFormats.map((format) => (
            <li key={format.id}>
              <button
                type="button"
                className="export-menu__item"
                aria-describedby={`${id}-${format.id}-hint`}
                aria-disabled={busy || undefined}
                onClick={() => void run(format)}
              >
                <span className="export-menu__label">{format.label}</span>
                <span className="export-menu__hint" id={`${id}-${format.id}-hint`}>
                  {format.hint}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <p className="export-menu__status" role="status">
        {status.kind === 'busy'
          ? t('export.web.preparing', { format: status.format.label })
          : status.kind === 'done'
            ? t('export.web.downloaded', { file: status.fileName })
            : ''}
      </p>
      {status.kind === 'failed' ? (
        <p className="error-message export-menu__error" role="alert">
          {t('export.web.failed', { format: status.format.label, message: status.message })}
        </p>
      ) : null}
    </div>
  );
}

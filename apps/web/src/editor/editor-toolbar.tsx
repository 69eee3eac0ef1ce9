import type { ReactNode } from 'react';
import type { Journey } from '@waymark/core';
import { Link } from '../app/router';
import { t } from '../i18n';
import { ExportMenu } from '../export/export-menu';
import { useGuestMode } from '../guests/guest-context';
import { InviteGuestsButton } from '../guests/invite-guests';
import { ShareButton } from '../views/share-dialog';
import { useEditorContext, type PanelKind } from './editor-context';
import { SaveStatus } from './save-status';
import type { EditorApi } from './use-editor';
import { ProvenanceNote } from '../templates/provenance-note';
import { SaveAsTemplateLink } from '../templates/save-as-template-link';

const panelButtons: readonly [PanelKind, () => string][] = [
  ['details', () => t('toolbar.panel.details')],
  ['structure', () => t('toolbar.panel.structure')],
  ['links', () => t('toolbar.panel.links')],
  ['comments', () => t('toolbar.panel.comments')],
  ['history', () => t('toolbar.panel.history')],
  ['connections', () => t('toolbar.panel.connections')],
];

/** "New step", or "New step 2" when a step is already called that: a name to type over, never "Step 8". */
export function newStepName(journey: Journey): string {
  const taken = new Set(journey.columns.map((c) => c.label));
  for (let n = 1; ; n++) {
    const name = n === 1 ? t('toolbar.newStepName') : t('toolbar.newStepNameNumbered', { n });
    if (!taken.has(name)) return name;
  }
}

/** Selects the words of the new step's name field in the Steps & lanes panel once it is drawn. */
function selectNameOf(columnId: string, triesLeft = 20) {
  const input = document.querySelector<HTMLInputElement>(`[data-item="${CSS.escape(columnId)}"] input`);
  if (input) {
    input.focus();
    input.select();
  } else if (triesLeft > 0) requestAnimationFrame(() => selectNameOf(columnId, triesLeft - 1));
}

/** Title, saved state, undo/redo, zoom, panels, views and exports. */
export function EditorToolbar(props: {
  ws: string;
  id: string;
  editor: EditorApi;
  canEdit: boolean;
  /** A workshop's structure lock holds this person back (decision 0014): "Add step" is disabled. */
  structureLocked?: boolean;
  panel: PanelKind | null;
  togglePanel: (kind: PanelKind) => void;
  zoom: number;
  setZoom: (zoom: number) => void;
  fit: () => void;
  /** Shown for everyone instead of the saved state when given (the live editor's connection status). */
  status?: ReactNode;
  /** Said after the status (why the editor is not live). */
  note?: ReactNode;
}) {
  const { ws, id, editor, canEdit, panel, togglePanel, zoom, setZoom, fit } = props;
  const { journey, execute, newId, openPanel } = useEditorContext();
  const { state } = editor;
  // A guest from another organisation (decision 0015) sees this map and nothing else of the workspace.
  const guest = useGuestMode();
  const step = (d: number) => setZoom(Math.max(0.3, Math.min(2, Math.round((zoom + d) * 10) / 10)));
  return (
    <div className="editor-bar">
      <div className="editor-bar__title">
        {guest ? null : (
          <Link to={{ page: 'home', ws }} className="editor-bar__back">
            {t('toolbar.journeys')}
          </Link>
        )}
        <h1>{journey.meta.title}</h1>
        {props.status ?? (canEdit ? <SaveStatus state={state} onRetry={editor.saveNow} /> : null)}
        {props.note}
        {guest ? null : <ProvenanceNote ws={ws} id={id} />}
        {guest ? null : (
          <div className="editor-bar__views">
            <nav aria-label={t('toolbar.views')} className="tool-group">
              <Link to={{ page: 'present', ws, id }}>{t('toolbar.present')}</Link>
              <Link to={{ page: 'print', ws, id }}>{t('toolbar.print')}</Link>
              <Link to={{ page: 'improve', ws, id, view: 'compare' }}>{t('toolbar.improve')}</Link>
              <Link to={{ page: 'surveys', ws, id }}>{t('survey.link')}</Link>
              {canEdit ? <SaveAsTemplateLink ws={ws} id={id} /> : null}
            </nav>
            <InviteGuestsButton ws={ws} journeyId={id} />
            <ShareButton ws={ws} journeyId={id} />
            <ExportMenu ws={ws} journeyId={id} journey={journey} />
          </div>
        )}
      </div>
      <div className="editor-bar__tools">
        {canEdit ? (
          <div role="group" aria-label={t('toolbar.editGroup')} className="tool-group">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={editor.undo}
              disabled={state.undo.length === 0 || state.conflict !== null}
              aria-keyshortcuts="Control+Z"
            >
              {t('toolbar.undo')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={editor.redo}
              disabled={state.redo.length === 0 || state.conflict !== null}
              aria-keyshortcuts="Control+Shift+Z"
            >
              {t('toolbar.redo')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={state.conflict !== null || props.structureLocked === true}
              title={props.structureLocked ? t('toolbar.addStepLocked') : undefined}
              onClick={() => {
                // The new step gets a name to type over, and the person is put in it with its words selected.
                const stepId = newId('step');
                if (
                  !execute({ type: 'column.add', item: { id: stepId as never, label: newStepName(journey) } })
                )
                  return;
                openPanel('structure', stepId);
                requestAnimationFrame(() => selectNameOf(stepId));
              }}
            >
              {t('toolbar.addStep')}
            </button>
          </div>
        ) : null}
        <div role="group" aria-label={t('toolbar.zoomGroup')} className="tool-group">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => step(-0.1)}
            aria-label={t('toolbar.zoomOut')}
          >
            −
          </button>
          <span className="zoom-level" aria-live="polite">
            {Math.round(zoom * 100)}%
          </span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => step(0.1)}
            aria-label={t('toolbar.zoomIn')}
          >
            +
          </button>
          <button type="button" className="button button--secondary button--small" onClick={fit}>
            {t('toolbar.fit')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setZoom(1)}>
            100%
          </button>
        </div>
        <div role="group" aria-label={t('toolbar.panelsGroup')} className="tool-group">
          {panelButtons.map(([kind, label]) =>
            (kind === 'structure' && !canEdit) ||
            ((kind === 'history' || kind === 'connections') && guest) ? null : (
              <button
                key={kind}
                type="button"
                className="button button--secondary button--small"
                aria-pressed={panel === kind}
                onClick={() => togglePanel(kind)}
              >
                {label()}
              </button>
            ),
          )}
        </div>
      </div>
    </div>
  );
}

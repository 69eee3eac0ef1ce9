import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { ExportMenu } from '../export/export-menu';
import { useGuestMode } from '../guests/guest-context';
import { InviteGuestsButton } from '../guests/invite-guests';
import { ShareButton } from '../views/share-dialog';
import { useEditorContext, type PanelKind } from './editor-context';
import { SaveStatus } from './save-status';
import type { EditorApi } from './use-editor';

const panelButtons: readonly [PanelKind, string][] = [
  ['details', 'Details'],
  ['structure', 'Steps & lanes'],
  ['links', 'Arrows'],
  ['comments', 'Comments'],
  ['history', 'History'],
];

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
  const { journey, execute, newId } = useEditorContext();
  const { state } = editor;
  // A guest from another organisation (decision 0015) sees this map and nothing else of the workspace.
  const guest = useGuestMode();
  const step = (d: number) => setZoom(Math.max(0.3, Math.min(2, Math.round((zoom + d) * 10) / 10)));
  return (
    <div className="editor-bar">
      <div className="editor-bar__title">
        {guest ? null : (
          <Link to={{ page: 'home', ws }} className="editor-bar__back">
            Journeys
          </Link>
        )}
        <h1>{journey.meta.title}</h1>
        {props.status ?? (canEdit ? <SaveStatus state={state} onRetry={editor.saveNow} /> : null)}
        {props.note}
        {guest ? null : (
          <div className="editor-bar__views">
            <nav aria-label="Views of this journey" className="tool-group">
              <Link to={{ page: 'present', ws, id }}>Present</Link>
              <Link to={{ page: 'print', ws, id }}>Print</Link>
              <Link to={{ page: 'improve', ws, id, view: 'compare' }}>Improve</Link>
            </nav>
            <InviteGuestsButton ws={ws} journeyId={id} />
            <ShareButton ws={ws} journeyId={id} />
            <ExportMenu ws={ws} journeyId={id} journey={journey} />
          </div>
        )}
      </div>
      <div className="editor-bar__tools">
        {canEdit ? (
          <div role="group" aria-label="Edit" className="tool-group">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={editor.undo}
              disabled={state.undo.length === 0 || state.conflict !== null}
              aria-keyshortcuts="Control+Z"
            >
              Undo
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={editor.redo}
              disabled={state.redo.length === 0 || state.conflict !== null}
              aria-keyshortcuts="Control+Shift+Z"
            >
              Redo
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={state.conflict !== null || props.structureLocked === true}
              title={props.structureLocked ? 'The facilitator has locked the steps for now' : undefined}
              onClick={() =>
                execute({
                  type: 'column.add',
                  item: { id: newId('step') as never, label: `Step ${journey.columns.length + 1}` },
                })
              }
            >
              Add step
            </button>
          </div>
        ) : null}
        <div role="group" aria-label="Zoom" className="tool-group">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => step(-0.1)}
            aria-label="Zoom out"
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
            aria-label="Zoom in"
          >
            +
          </button>
          <button type="button" className="button button--secondary button--small" onClick={fit}>
            Fit
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setZoom(1)}>
            100%
          </button>
        </div>
        <div role="group" aria-label="Panels" className="tool-group">
          {panelButtons.map(([kind, label]) =>
            (kind === 'structure' && !canEdit) || (kind === 'history' && guest) ? null : (
              <button
                key={kind}
                type="button"
                className="button button--secondary button--small"
                aria-pressed={panel === kind}
                onClick={() => togglePanel(kind)}
              >
                {label}
              </button>
            ),
          )}
        </div>
      </div>
    </div>
  );
}

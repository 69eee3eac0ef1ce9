import type { Journey } from '@waymark/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../app/session';
import { errorText } from '../ui/field';
import { CardPanel } from './card-panel';
import { ClosedLoopHint } from './closed-loop-hint';
import { type EditorComment, toEditorComments } from './comments';
import { CommentsPanel } from './comments-panel';
import { DetailsPanel } from './details-panel';
import { EditorContext, makeIdFactory, type EditorContextValue, type PanelKind } from './editor-context';
import { EditorToolbar } from './editor-toolbar';
import { HistoryPanel } from './history-panel';
import { LinksPanel } from './links-panel';
import { ConnectionsPanel } from '../hierarchy/connections-panel';
import { CardOpportunities } from '../hierarchy/card-opportunities';
import { COLUMN_WIDTH, LANE_HEADER_WIDTH, MapGrid } from './map-grid';
import { ConflictBanner } from './save-status';
import { StructurePanel } from './structure-panel';
import { useEditor } from './use-editor';
import { useLiveEditor } from './use-live-editor';
import { PresenceList } from './presence-list';
import { LiveContext, type LiveContextValue } from './live/live-context';
import { LiveNoticeBar } from './live/live-notice-bar';
import { FallbackNote, LiveStatus } from './live/live-status';
import { PresenceTracker } from './live/presence-tracker';
import { useRouter } from '../app/router';
import { useFollow } from './workshop/use-follow';
import { StructureLock, WorkshopBar } from './workshop/workshop-bar';
import { VotingBar } from './voting/voting-bar';
import { VotingContext, type VotingContextValue } from './voting/voting-context';
import { canVoteAs } from './voting/voting-model';
import { GroupWork } from './groups/group-work';
import { t, tRich, type MessageId } from '../i18n';
import { useDensity } from './density';
import { MapViewOptions } from './map-view-options';

/** A side panel's heading ("Card details"), in the chosen language. */
const panelTitle = (kind: PanelKind) => t(`editor.panel.${kind}` as MessageId);

type Target = { columnId?: string; cardId?: string };

/** The map editor: toolbar, the grid, and one side panel at a time. */
export function Editor(props: {
  ws: string;
  id: string;
  initial: { version: number; journey: Journey };
  canEdit: boolean;
  canComment: boolean;
}) {
  const { ws, id, canEdit, canComment } = props;
  const { api } = useSession();
  // Live co-editing (decision 0013) for everyone; saving by REST only if the socket can never be opened.
  const [fallback, setFallback] = useState(false);
  const live = !fallback;
  // The REST editor asks the server for nothing until it is the one in use.
  const saved = useEditor(api, ws, id, props.initial, fallback);
  const shared = useLiveEditor(ws, id, props.initial, live);
  const editor = live ? shared : saved;
  useEffect(() => {
    if (!shared.unreachable || fallback) return;
    // Never connected, so nothing of this tab is stored: its edits so far go to the REST editor.
    for (const command of shared.state.pending) saved.execute(command);
    setFallback(true);
  }, [shared.unreachable, fallback, shared.state.pending, saved]);
  const liveValue: LiveContextValue | null = useMemo(
    () =>
      live
        ? {
            others: shared.others,
            replaced: shared.notices.filter((n) => n.kind === 'replaced'),
            restore: shared.restore,
            keep: shared.keep,
          }
        : null,
    [live, shared.others, shared.notices, shared.restore, shared.keep],
  );
  const { state } = editor;
  // ?comment=<thread> (from someone's things to look at) opens the comments panel at that thread.
  const [panel, setPanel] = useState<{ kind: PanelKind; focusId: string | null } | null>(() => {
    const thread = new URLSearchParams(window.location.search).get('comment');
    return thread ? { kind: 'comments', focusId: thread } : null;
  });
  const [selectedCardId, setSelectedCardId] = useState<string | null>(null);
  const [commentTarget, setCommentTarget] = useState<Target | null>(null);
  const [comments, setComments] = useState<readonly EditorComment[]>([]);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [scorePersona, setScorePersonaState] = useState<Record<string, string>>({});
  const [zoom, setZoom] = useState(1);
  const [density, setDensity] = useDensity();
  const [tipHidden, setTipHidden] = useState(false);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const newId = useMemo(makeIdFactory, []);
  const { navigate } = useRouter();
  // ?step=<step id> (from the portfolio's lowest emotion, a search result, a step link or an opportunity) scrolls to that step and puts the
  // focus on its heading, once the map is drawn (issue 14, decision 0035).
  const stepToShow = useRef(new URLSearchParams(window.location.search).get('step'));
  useEffect(() => {
    const step = stepToShow.current;
    const index = step ? state.journey.columns.findIndex((c) => c.id === step) : -1;
    const scroller = scrollerRef.current;
    if (!step || index < 0 || !scroller) return;
    stepToShow.current = null;
    scroller.scrollTo({ left: Math.max(0, (index - 0.5) * COLUMN_WIDTH * zoom) });
    let tries = 0;
    const focus = () => {
      const head = document.querySelector<HTMLElement>(`[data-column-id="${CSS.escape(step)}"]`);
      // Marked as well as focused, so the step still stands out once the focus moves on (decision 0040).
      if (head) {
        head.setAttribute('data-step-target', '');
        head.focus();
      } else if (++tries < 20) setTimeout(focus, 50);
    };
    setTimeout(focus, 0);
  });

  const loadComments = useCallback(() => {
    api
      .comments(ws, id)
      .then((r) => setComments(toEditorComments(r.items)))
      .catch((e: unknown) => setCommentError(errorText(e)));
  }, [api, ws, id]);
  useEffect(loadComments, [loadComments]);

  const openPanel = useCallback(
    (kind: PanelKind, focusId?: string) => setPanel({ kind, focusId: focusId ?? null }),
    [],
  );
  const selectCard = useCallback((cardId: string | null) => {
    setSelectedCardId(cardId);
    setPanel(cardId ? { kind: 'card', focusId: cardId } : null);
  }, []);
  // Workshop facilitation (decision 0014): follow the facilitator, the structure lock, the timer.
  const workshop = live ? shared.workshop.state : null;
  const follow = useFollow({
    workshop,
    meId: shared.you?.user.id ?? null,
    journey: state.journey,
    selectedCardId,
    selectCard,
    send: shared.sendWorkshop,
    scrollerRef,
    zoom,
    present: useCallback(
      (slide: number) => navigate({ page: 'present', ws, id }, { search: `?step=${slide + 1}&follow=1` }),
      [navigate, ws, id],
    ),
  });
  // Dot-voting (decision 0014): the round and this person's way to vote, for the vote slots on the map.
  const sendWorkshop = shared.sendWorkshop;
  const voting: VotingContextValue = useMemo(
    () => ({
      voting: workshop?.voting ?? null,
      userId: shared.you?.user.id ?? null,
      canVote: canVoteAs(shared.you?.role),
      cast: (kind, cardId) => sendWorkshop({ type: 'voting.cast', kind, id: cardId }),
      retract: (kind, cardId) => sendWorkshop({ type: 'voting.retract', kind, id: cardId }),
    }),
    [workshop?.voting, shared.you, sendWorkshop],
  );
  const structureLocked =
    !!workshop?.structureLocked && !!workshop.facilitator && workshop.facilitator.id !== shared.you?.user.id;
  const openComments = useCallback((target: Target) => {
    setCommentTarget(target);
    setPanel({ kind: 'comments', focusId: null });
  }, []);
  const setScorePersona = useCallback(
    (laneId: string, personaId: string) => setScorePersonaState((s) => ({ ...s, [laneId]: personaId })),
    [],
  );

  const context: EditorContextValue = useMemo(
    () => ({
      journey: state.journey,
      canEdit: canEdit && !state.conflict,
      canComment,
      execute: editor.execute,
      newId,
      selectCard,
      selectedCardId,
      openComments,
      comments,
      scorePersona,
      setScorePersona,
      openPanel,
    }),
    [
      state.journey,
      state.conflict,
      canEdit,
      canComment,
      editor.execute,
      newId,
      selectCard,
      selectedCardId,
      openComments,
      comments,
      scorePersona,
      setScorePersona,
      openPanel,
    ],
  );

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes — except in a text field, where they undo typing.
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) editor.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') editor.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, editor]);

  const fit = () => {
    const width = scrollerRef.current?.clientWidth ?? 1200;
    const full = LANE_HEADER_WIDTH + state.journey.columns.length * COLUMN_WIDTH;
    setZoom(Math.max(0.3, Math.min(1.5, Math.floor((width / full) * 100) / 100)));
  };
  const onReady = useCallback(() => {
    performance.mark('waymark:editor-interactive');
  }, []);

  return (
    <EditorContext.Provider value={context}>
      <LiveContext.Provider value={liveValue}>
        <VotingContext.Provider value={voting}>
          <div className={`editor editor--${density}`} data-density={density}>
            <EditorToolbar
              ws={ws}
              id={id}
              editor={editor}
              canEdit={canEdit}
              panel={panel?.kind ?? null}
              togglePanel={(k) => setPanel((p) => (p?.kind === k ? null : { kind: k, focusId: null }))}
              zoom={zoom}
              setZoom={setZoom}
              fit={fit}
              status={
                live ? (
                  <LiveStatus
                    canEdit={canEdit}
                    offline={shared.offline}
                    connected={shared.connected}
                    everConnected={shared.you !== null}
                    state={state}
                  />
                ) : undefined
              }
              note={live ? null : <FallbackNote />}
              structureLocked={structureLocked}
            />
            {live ? (
              <WorkshopBar
                workshop={shared.workshop}
                send={shared.sendWorkshop}
                dismiss={shared.dismissWorkshop}
                follow={follow}
                me={shared.you ? { id: shared.you.user.id, role: shared.you.role } : null}
                connected={shared.connected}
                canEdit={canEdit}
              />
            ) : null}
            {live ? (
              <VotingBar
                workshop={workshop}
                you={shared.you}
                journey={state.journey}
                send={sendWorkshop}
                execute={editor.execute}
                unsaved={state.pending.length}
              />
            ) : null}
            {live ? (
              <GroupWork
                api={api}
                ws={ws}
                id={id}
                journey={state.journey}
                workshop={shared.workshop.state}
                send={shared.sendWorkshop}
                me={shared.you}
                participants={shared.participants}
                scrollerRef={scrollerRef}
                zoom={zoom}
              />
            ) : null}
            {live ? <PresenceList participants={shared.participants} you={shared.you} /> : null}
            {live ? (
              <PresenceTracker
                journey={state.journey}
                selectedCardId={selectedCardId}
                send={shared.sendPresence}
              />
            ) : null}
            {!canEdit ? (
              <p className="notice editor-readonly">
                {canComment ? t('editor.readOnly.comment') : t('editor.readOnly.read')}
              </p>
            ) : null}
            {canEdit && !tipHidden && state.journey.cards.length === 0 ? (
              <div className="notice editor-tip">
                <p>{tRich('editor.tip.text', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
                <button type="button" className="link-button" onClick={() => setTipHidden(true)}>
                  {t('editor.tip.hide')}
                </button>
              </div>
            ) : null}
            {canEdit ? <ClosedLoopHint journey={state.journey} /> : null}
            {live ? <LiveNoticeBar notices={shared.notices} dismiss={shared.keep} /> : null}
            {!live && state.message ? (
              <div className="notice editor-message-bar" role="alert">
                {state.message}{' '}
                <button type="button" className="link-button" onClick={editor.dismiss}>
                  {t('editor.dismiss')}
                </button>
              </div>
            ) : null}
            {state.conflict ? (
              <ConflictBanner unsent={state.conflict.unsent} onResolve={editor.resolveConflict} />
            ) : null}
            <MapViewOptions journey={state.journey} density={density} setDensity={setDensity} />
            <div className="editor-body">
              <div className="map-scroller" ref={scrollerRef} data-testid="map-scroller">
                <MapGrid journey={state.journey} zoom={zoom} onReady={onReady} scrollerRef={scrollerRef} />
              </div>
              {panel ? (
                <aside className="side-panel" aria-labelledby="side-panel-title">
                  <div className="side-panel__head">
                    <h2 id="side-panel-title">{panelTitle(panel.kind)}</h2>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setPanel(null);
                        setSelectedCardId(null);
                      }}
                    >
                      {t('common.close')} <span className="visually-hidden">{panelTitle(panel.kind)}</span>
                    </button>
                  </div>
                  {panel.kind === 'card' && selectedCardId ? <CardPanel cardId={selectedCardId} /> : null}
                  {panel.kind === 'card' && selectedCardId ? (
                    <CardOpportunities ws={ws} id={id} cardId={selectedCardId} />
                  ) : null}
                  {panel.kind === 'structure' ? (
                    <StructureLock locked={structureLocked}>
                      <StructurePanel focusId={panel.focusId} />
                    </StructureLock>
                  ) : null}
                  {panel.kind === 'details' ? <DetailsPanel /> : null}
                  {panel.kind === 'links' ? <LinksPanel /> : null}
                  {panel.kind === 'connections' ? <ConnectionsPanel ws={ws} id={id} /> : null}
                  {panel.kind === 'comments' ? (
                    <CommentsPanel
                      ws={ws}
                      journeyId={id}
                      target={commentTarget}
                      onTarget={setCommentTarget}
                      onChanged={loadComments}
                      focusThreadId={panel.focusId}
                      error={commentError}
                    />
                  ) : null}
                  {panel.kind === 'history' ? (
                    <HistoryPanel
                      api={api}
                      ws={ws}
                      id={id}
                      journey={state.journey}
                      version={state.version}
                      canRestore={canEdit}
                      hasUnsaved={state.pending.length + state.inFlight.length > 0 || state.conflict !== null}
                      onRestored={editor.replace}
                    />
                  ) : null}
                </aside>
              ) : null}
            </div>
          </div>
        </VotingContext.Provider>
      </LiveContext.Provider>
    </EditorContext.Provider>
  );
}

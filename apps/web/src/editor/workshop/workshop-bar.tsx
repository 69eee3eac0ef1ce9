import type { WorkshopAction } from '@waymark/api';
import { useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { GuestContext } from '../../guests/guest-context';
import { workshopChangeWords, type WorkshopClient } from './workshop-client';
import { WorkshopTimerView } from './workshop-timer-view';
import type { useFollow } from './use-follow';
import './workshop.css';
import { t } from '../../i18n';

/**
 * The workshop strip under the toolbar (decision 0014). Everyone sees who runs the workshop, the timer, the
 * lock and whether their screen follows the facilitator's (with "Stop following" / "Follow again"). The
 * facilitator gets the controls: everyone follow me, lock the structure, a timed exercise, end.
 */
export function WorkshopBar(props: {
  workshop: WorkshopClient;
  send: (action: WorkshopAction) => void;
  dismiss: () => void;
  follow: ReturnType<typeof useFollow>;
  me: { id: string; role: string } | null;
  connected: boolean;
  /** This person may edit the map (their role, known before the live connection says it). */
  canEdit: boolean;
}) {
  const state = props.workshop.state;
  // Guests from a workshop link take part but never run the workshop (the server refuses it too).
  const guest = useContext(GuestContext) !== null;
  const me = props.me;
  // A button that goes away when pressed (Run a workshop, Start the timer, Stop the timer) hands the keyboard
  // focus on to what replaces it, once the new state has arrived.
  const refocus = useRef<string | null>(null);
  const send = (action: WorkshopAction, then?: string) => {
    refocus.current = then ?? null;
    props.send(action);
  };
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const el = document.querySelector<HTMLElement>(`[data-refocus="${target}"]`);
    if (!el) return;
    refocus.current = null;
    if (!document.activeElement || document.activeElement === document.body) el.focus();
  }, [state?.revision]);
  // What the facilitator changed, said politely once (the strip's words change silently otherwise).
  const [said, setSaid] = useState('');
  const seen = useRef(state);
  const meId = me?.id ?? null;
  useEffect(() => {
    const words = workshopChangeWords(seen.current, state, meId);
    seen.current = state;
    if (words) setSaid(words);
  }, [state, meId]);
  if (!state || !me) {
    // Until the server has said how the workshop stands, someone who may run one sees the strip's usual
    // first state, its button not yet pressable, so the map below does not jump down when the answer comes.
    if (!props.canEdit || guest) return null;
    return (
      <div className="workshop-strip">
        <IdleBar connected={false} run={() => undefined} refusal={null} />
      </div>
    );
  }
  return (
    <div className="workshop-strip">
      <p className="visually-hidden" aria-live="polite" data-testid="workshop-said">
        {said}
      </p>
      <WorkshopStrip {...props} send={send} guest={guest} />
    </div>
  );
}

function WorkshopStrip(
  props: Omit<Parameters<typeof WorkshopBar>[0], 'send'> & {
    send: (action: WorkshopAction, then?: string) => void;
    guest: boolean;
  },
) {
  const { workshop, send, dismiss, follow, me, connected, guest } = props;
  const state = workshop.state;
  if (!state || !me) return null;
  const facilitator = state.facilitator;
  const canRun = !guest && (me.role === 'editor' || me.role === 'owner');
  const refusal = workshop.refusal ? (
    <div className="notice workshop-refusal" role="alert">
      {workshop.refusal}{' '}
      <button type="button" className="link-button" onClick={dismiss}>
        {t('workshop.dismiss')}
      </button>
    </div>
  ) : null;

  if (!facilitator) {
    if (!canRun) return refusal;
    return (
      <IdleBar
        connected={connected}
        run={() => send({ type: 'workshop.start' }, 'follow')}
        refusal={refusal}
      />
    );
  }

  const leading = facilitator.id === me.id;
  return (
    <section className="workshop-bar" aria-label={t('workshop.region')}>
      <p className="workshop-bar__who">
        {leading ? t('workshop.runningByYou') : t('workshop.running', { name: facilitator.name })}
      </p>
      {state.timer ? <WorkshopTimerView timer={state.timer} offsetMs={workshop.offsetMs} /> : null}
      {state.structureLocked ? (
        <p className="workshop-bar__lock" data-testid="workshop-lock">
          <span aria-hidden="true">🔒 </span>
          {leading ? t('workshop.lockedByYou') : t('workshop.lockedByFacilitator')}
        </p>
      ) : null}
      {!leading && follow.active ? (
        <p className="workshop-bar__follow">
          {follow.following
            ? t('workshop.follows', { name: facilitator.name })
            : t('workshop.stoppedFollowing', { name: facilitator.name })}{' '}
          {follow.following ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={follow.stopFollowing}
            >
              {t('workshop.stopFollowing')}
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={follow.followAgain}>
              {t('workshop.followAgain')}
            </button>
          )}
        </p>
      ) : null}
      {leading ? (
        <FacilitatorControls
          send={send}
          follow={follow}
          locked={state.structureLocked}
          timer={!!state.timer}
        />
      ) : me.role === 'owner' ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => send({ type: 'workshop.takeOver' })}
        >
          {t('workshop.takeOver')}
        </button>
      ) : null}
      {refusal}
    </section>
  );
}

/** No workshop running: "Run a workshop" for someone who may run one (pressable once connected). */
function IdleBar(props: { connected: boolean; run: () => void; refusal: ReactNode }) {
  return (
    <section className="workshop-bar workshop-bar--idle" aria-label={t('workshop.region')}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!props.connected}
        onClick={props.run}
      >
        {t('workshop.run')}
      </button>
      {props.refusal}
    </section>
  );
}

function FacilitatorControls(props: {
  send: (action: WorkshopAction, then?: string) => void;
  follow: ReturnType<typeof useFollow>;
  locked: boolean;
  timer: boolean;
}) {
  const { send, follow, locked, timer } = props;
  const [label, setLabel] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();
  const start = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(minutes.replace(',', '.'));
    if (!label.trim()) return setProblem(t('workshop.timer.exerciseMissing'));
    if (!Number.isFinite(n) || n < 0.25 || n > 180) return setProblem(t('workshop.timer.minutesInvalid'));
    setProblem(null);
    send({ type: 'timer.start', label: label.trim(), minutes: n }, 'timer-extend');
  };
  return (
    <div className="workshop-controls" role="group" aria-label={t('workshop.controls')}>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-pressed={follow.active}
        data-refocus="follow"
        onClick={() =>
          send(follow.active ? { type: 'follow.stop' } : { type: 'follow.start', view: follow.view })
        }
      >
        {follow.active ? t('workshop.stopEveryoneFollowing') : t('workshop.everyoneFollow')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-pressed={locked}
        onClick={() => send({ type: 'lock.set', locked: !locked })}
      >
        {locked ? t('workshop.unlock') : t('workshop.lock')}
      </button>
      {timer ? (
        <span className="workshop-controls__timer">
          <button
            type="button"
            className="button button--secondary button--small"
            data-refocus="timer-extend"
            onClick={() => send({ type: 'timer.extend', minutes: 1 })}
          >
            {t('workshop.timer.addMinute')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => send({ type: 'timer.stop' }, 'timer-label')}
          >
            {t('workshop.timer.stop')}
          </button>
        </span>
      ) : (
        <form className="workshop-controls__timer" onSubmit={start} noValidate>
          <label htmlFor={`${ids}-label`}>{t('workshop.timer.exercise')}</label>
          <input
            id={`${ids}-label`}
            data-refocus="timer-label"
            value={label}
            maxLength={80}
            onChange={(e) => setLabel(e.target.value)}
            aria-describedby={problem ? `${ids}-problem` : undefined}
            aria-invalid={problem !== null && !label.trim()}
          />
          <label htmlFor={`${ids}-minutes`}>{t('workshop.timer.minutes')}</label>
          <input
            id={`${ids}-minutes`}
            inputMode="decimal"
            size={4}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-describedby={problem ? `${ids}-problem` : undefined}
          />
          <button type="submit" className="button button--secondary button--small">
            {t('workshop.timer.start')}
          </button>
          {problem ? (
            <span id={`${ids}-problem`} className="error-message" role="alert">
              {problem}
            </span>
          ) : null}
        </form>
      )}
      <button
        type="button"
        className="button button--warning button--small"
        onClick={() => send({ type: 'workshop.end' })}
      >
        {t('workshop.end')}
      </button>
    </div>
  );
}

/**
 * Wraps the structure controls (the steps, stages and lanes panel): while the structure is locked for this
 * person, says so and disables every control inside.
 */
export function StructureLock(props: { locked: boolean; children: React.ReactNode }) {
  if (!props.locked) return <>{props.children}</>;
  return (
    <>
      <p className="notice workshop-structure-note" role="note">
        {t('workshop.structureLockedNote')}
      </p>
      <fieldset className="workshop-structure-lock" disabled>
        <legend className="visually-hidden">{t('workshop.structureLockedLegend')}</legend>
        {props.children}
      </fieldset>
    </>
  );
}

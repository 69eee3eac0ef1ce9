import type { WorkshopTimer } from '@waymark/api';
import { useEffect, useRef, useState } from 'react';
import { clockText, remainingMs, remainingWords, timerAnnouncement } from './workshop-client';
import { t } from '../../i18n';

/**
 * The timed exercise's countdown, the same on every screen (counted on the server's clock). The numbers
 * change every second but are not a live region; screen readers hear only "1 minute left" and "Time is up"
 * (politely), and the time left in words when they reach the timer.
 */
export function WorkshopTimerView({ timer, offsetMs }: { timer: WorkshopTimer; offsetMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState('');
  const before = useRef<number | null>(null);
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, []);
  const left = remainingMs(timer, offsetMs, now);
  useEffect(() => {
    const previous = before.current;
    before.current = left;
    if (previous === null) return;
    const words = timerAnnouncement(previous, left);
    if (words) setSaid(t('workshop.timer.labelled', { label: timer.label, words }));
  }, [left, timer.label]);
  // A new timer (or one extended past a minute) may announce again.
  useEffect(() => setSaid(''), [timer.startedAt, timer.endsAt]);
  const up = left <= 0;
  return (
    <div className={`workshop-timer${up ? ' workshop-timer--up' : ''}`} data-testid="workshop-timer">
      <span className="workshop-timer__label">{timer.label}</span>{' '}
      <span
        className="workshop-timer__clock"
        role="timer"
        aria-label={t('workshop.timer.labelled', { label: timer.label, words: remainingWords(left) })}
      >
        {up ? t('workshop.timer.up') : clockText(left)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </div>
  );
}

import type { Card, CardOf } from '@waymark/core';
import { useState, type PointerEvent } from 'react';
import { t } from '../i18n';
import { useEditorContext } from './editor-context';
import {
  curvePiece,
  curveStyles,
  EMOTION_BAND,
  EMOTION_TICKS,
  parseScore,
  scoreForY,
  tickLabel,
  yForScore,
} from './emotion-geometry';
import type { MapCellProps } from './map-cell';
import { markerPath, ShapeGlyph } from './shape-glyph';
import { useStepSurvey } from '../surveys/use-survey-evidence';
import { SurveyCellFigures } from '../surveys/survey-cell-figures';
import './emotion-cell.css';

export { EMOTION_BAND };
const WIDTH = 248;

/**
 * The emotion lane's axis, drawn in its header beside the cells' bands at the same heights: +100 Great,
 * +50, 0, −50, −100 Poor. Hidden from screen readers: the header says the scale in words and every score
 * is a number field.
 */
export function EmotionAxis() {
  return (
    <svg
      className="emotion-axis"
      width="64"
      height={EMOTION_BAND.height}
      viewBox={`0 0 64 ${EMOTION_BAND.height}`}
      aria-hidden="true"
      data-emotion-axis=""
    >
      {EMOTION_TICKS.map((score) => {
        const y = yForScore(score, EMOTION_BAND);
        return (
          <g key={score}>
            <text x="56" y={y} dy="0.35em" textAnchor="end" className="emotion-axis__label">
              {tickLabel(score)}
            </text>
            <line x1="58" x2="64" y1={y} y2={y} className="emotion-axis__tick" />
          </g>
        );
      })}
      <line
        x1="63"
        x2="63"
        y1={EMOTION_BAND.pad}
        y2={EMOTION_BAND.height - EMOTION_BAND.pad}
        className="emotion-axis__tick"
      />
    </svg>
  );
}

/**
 * An emotion cell: each curve's piece through this step, its point draggable up and down (editors), and every
 * score as a number field — the keyboard way to set it, and the number that says what the shape shows.
 */
export function EmotionCell({ lane, column, cards, curves, columnIds, col, active }: MapCellProps) {
  const { canEdit, execute, selectCard } = useEditorContext();
  const [drag, setDrag] = useState<{ curve: string; score: number } | null>(null);
  const index = col - 1;
  const emotions = cards.filter((c): c is CardOf<'emotion'> => c.kind === 'emotion');
  const curveKey = (c: CardOf<'emotion'>) => c.personaId ?? lane.personaId ?? '';
  const survey = useStepSurvey(column.id);
  const band = survey?.emotion ?? null;

  const startDrag = (e: PointerEvent<SVGPathElement>, curve: string, card: Card) => {
    if (!canEdit) return;
    e.preventDefault();
    const svg = e.currentTarget.ownerSVGElement!;
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = (ev: PointerEvent<SVGPathElement>) => {
      const rect = svg.getBoundingClientRect();
      return scoreForY(((ev.clientY - rect.top) / rect.height) * EMOTION_BAND.height, EMOTION_BAND);
    };
    setDrag({ curve, score: at(e) });
    const el = e.currentTarget;
    const move = (ev: globalThis.PointerEvent) =>
      setDrag({ curve, score: at(ev as unknown as PointerEvent<SVGPathElement>) });
    const up = (ev: globalThis.PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      const score = at(ev as unknown as PointerEvent<SVGPathElement>);
      setDrag(null);
      if (card.kind === 'emotion' && score !== card.score)
        execute({ type: 'card.update', id: card.id, patch: { score } });
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  return (
    <>
      <svg
        className="emotion-band"
        viewBox={`0 0 ${WIDTH} ${EMOTION_BAND.height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {EMOTION_TICKS.map((score) => (
          <line
            key={score}
            x1="0"
            x2={WIDTH}
            y1={yForScore(score, EMOTION_BAND)}
            y2={yForScore(score, EMOTION_BAND)}
            className={score === 0 ? 'emotion-band__zero' : 'emotion-band__grid'}
            data-tick={score}
          />
        ))}
        {band ? (
          <rect
            className="emotion-band__survey"
            x="0"
            width={WIDTH}
            y={yForScore(band.high, EMOTION_BAND)}
            height={Math.max(2, yForScore(band.low, EMOTION_BAND) - yForScore(band.high, EMOTION_BAND))}
            data-survey-band={column.id}
          />
        ) : null}
        {(curves ?? []).map((curve) => {
          const style = curveStyles[curve.style]!;
          const mine = emotions.filter((c) => curveKey(c) === curve.key);
          const dragging = drag?.curve === curve.key ? drag.score : undefined;
          const shown =
            dragging === undefined
              ? curve
              : { ...curve, points: new Map(curve.points).set(column.id, dragging) };
          const piece = curvePiece(shown, columnIds, index, WIDTH, EMOTION_BAND);
          return (
            <g key={curve.key}>
              {piece.path ? (
                <path
                  d={piece.path}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth="3"
                  strokeDasharray={style.dash}
                />
              ) : null}
              {piece.point ? (
                <path
                  d={markerPath(curve.style, piece.point.x, piece.point.y, 8)}
                  fill={style.colour}
                  stroke="#0b0c0c"
                  strokeWidth="1.5"
                  className={
                    canEdit && mine.length === 1 ? 'emotion-marker emotion-marker--drag' : 'emotion-marker'
                  }
                  onPointerDown={
                    canEdit && mine.length === 1 ? (e) => startDrag(e, curve.key, mine[0]!) : undefined
                  }
                  data-score-marker={`${column.id}:${curve.key}`}
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      {survey ? <SurveyCellFigures step={survey} /> : null}
      <ul
        className="card-list emotion-scores"
        aria-label={t('editor.cell.cards', { lane: lane.label, step: column.label })}
      >
        {emotions.map((card) => {
          const curve = curves?.find((c) => c.key === curveKey(card));
          return (
            <li key={card.id} className="emotion-score">
              {curve ? <ShapeGlyph style={curve.style} /> : null}
              <ScoreField
                card={card}
                label={
                  curve && curves!.length > 1
                    ? t('editor.score.labelFor', { step: column.label, persona: curve.label })
                    : t('editor.score.label', { step: column.label })
                }
                tabbable={active}
                readOnly={!canEdit}
                preview={drag && curve && drag.curve === curve.key ? drag.score : undefined}
                onScore={(score) => execute({ type: 'card.update', id: card.id, patch: { score } })}
              />
              <button
                type="button"
                className="chip-button"
                tabIndex={active ? 0 : -1}
                onClick={() => selectCard(card.id)}
                aria-label={t('editor.score.details', { step: column.label })}
              >
                <span aria-hidden="true">⋯</span>
              </button>
              {card.estimate ? <span className="card__meta">{t('model.emotion.estimate')}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A score typed as a number: Enter or leaving the field sets it; a bad number says what is expected. */
function ScoreField({
  card,
  label,
  tabbable,
  readOnly,
  preview,
  onScore,
}: {
  card: CardOf<'emotion'>;
  label: string;
  tabbable: boolean;
  readOnly: boolean;
  preview: number | undefined;
  onScore: (score: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const parsed = parseScore(draft);
    if (!parsed.ok) {
      setError(t('editor.quick.error', { lane: label, message: parsed.message }));
      return;
    }
    setDraft(null);
    setError(null);
    if (parsed.score !== card.score) onScore(parsed.score);
  };
  const value = draft ?? String(preview ?? card.score);
  return (
    <span className="score-field">
      <input
        type="text"
        inputMode="numeric"
        className="score-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={value}
        readOnly={readOnly}
        tabIndex={tabbable ? 0 : -1}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error ? (
        <span className="error-message score-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

import { useEffect, useId, useRef } from 'react';
import { t } from '../i18n';
import type { QuickChoice } from './quick-entry';
import './quick-choice.css';

/**
 * The question quick entry asks in place when typed words could mean more than one thing (decision 0016):
 * “Which channel is ‘Portal: …’?” with a button for each answer. Nothing is stored until one is chosen;
 * focus goes to the first answer and back to the box on Cancel or Escape.
 */
export function QuickChoiceAsk({
  choice,
  onChoose,
  onCancel,
}: {
  choice: QuickChoice;
  onChoose: (index: number) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [choice]);
  return (
    <div
      role="group"
      aria-labelledby={`${id}-q`}
      className="quick-choice"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${id}-q`} className="quick-choice__question">
        {choice.question} <span className="quick-choice__note">{t('editor.choice.note')}</span>
      </p>
      <ul className="quick-choice__options">
        {choice.options.map((o, i) => (
          <li key={o.label}>
            <button
              type="button"
              className="button button--secondary quick-choice__option"
              ref={i === 0 ? first : undefined}
              onClick={() => onChoose(i)}
            >
              {o.label}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="button button--secondary quick-choice__cancel" onClick={onCancel}>
            {t('common.cancel')}
            <span className="visually-hidden">{t('editor.choice.keepTyping')}</span>
          </button>
        </li>
      </ul>
    </div>
  );
}

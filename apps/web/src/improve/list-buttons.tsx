import type { ReactNode } from 'react';
import { t } from '../i18n';

/** Removes one line of a list form; `what` completes its accessible name ("Remove saving 2"). */
export function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--small button--secondary" onClick={onClick}>
      {t('common.remove')}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
}

/** Adds a line to a list form. */
export function AddButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {children}
    </button>
  );
}

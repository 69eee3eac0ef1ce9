import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRole } from '../app/session';
import { t } from '../i18n';

/**
 * A link just made (a share link, a guest link), shown only once: read-only, selected when focused, with
 * "Copy link". It takes the keyboard focus, selected, when it appears, so it can be copied at once. What
 * happened is said through `onStatus` (the dialog's status line).
 */
export function MadeLink({
  id,
  label,
  url,
  copiedText,
  onStatus,
}: {
  readonly id: string;
  readonly label: string;
  readonly url: string;
  readonly copiedText: string;
  readonly onStatus: (text: string) => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      onStatus(copiedText);
    } catch {
      field.current?.select();
      onStatus(t('app.madeLink.copyRefused'));
    }
  };
  return (
    <div className="field share-dialog__made">
      <label htmlFor={id}>{label}</label>
      <div className="share-dialog__copy">
        <input id={id} ref={field} readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('app.madeLink.copy')}
        </button>
      </div>
    </div>
  );
}

/** A dialog's status line (read politely) and its error (an alert). */
export function StatusAndError({
  status,
  error,
}: {
  readonly status: string;
  readonly error: string | null;
}) {
  return (
    <>
      <p role="status" className="share-dialog__status">
        {status}
      </p>
      {error ? (
        <p role="alert" className="error-message">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** How a link made for a map stands, in a dialog's list of links. */
export const linkStateLabel = {
  get active() {
    return t('app.linkState.active');
  },
  get expired() {
    return t('app.linkState.expired');
  },
  get revoked() {
    return t('app.linkState.revoked');
  },
} as const;

/**
 * A toolbar button that opens a modal dialog about links to a map (Share, Invite guests), for owners and
 * editors only (the API's rule; for other roles nothing is shown). The dialog's body is made only while it is
 * open, and is given the way to close it.
 */
export function LinkDialogButton({
  ws,
  label,
  titleId,
  children,
}: {
  readonly ws: string;
  readonly label: string;
  /** The id of the dialog's heading, which names it. */
  readonly titleId: string;
  readonly children: (close: () => void) => ReactNode;
}) {
  const role = useRole(ws);
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  if (role !== 'owner' && role !== 'editor') return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        {open ? children(() => dialog.current?.close()) : null}
      </dialog>
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { Journey, JourneyCommand } from '@waymark/core';
import type { ApiClient } from '../api/client';
import { formatDateTime } from '../app/format';
import { errorText } from '../ui/field';
import { describeCommand } from './describe-command';

interface Version {
  readonly version: number;
  readonly kind?: string;
  readonly at: string;
  readonly by: { readonly name: string } | null;
  readonly commands: readonly JourneyCommand[];
  readonly detail?: Record<string, unknown> | null;
}

const kindWords: Record<string, string> = {
  create: 'Created',
  import: 'Imported',
  duplicate: 'Copied from another journey',
  restore: 'Restored',
};

/** Every saved version, newest first: who, when, what; editors can make an earlier one current again. */
export function HistoryPanel(props: {
  api: ApiClient;
  ws: string;
  id: string;
  journey: Journey;
  version: number;
  canRestore: boolean;
  hasUnsaved: boolean;
  onRestored: (version: number, journey: Journey) => void;
}) {
  const { api, ws, id, version, canRestore, hasUnsaved, onRestored, journey } = props;
  const [items, setItems] = useState<readonly Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .history(ws, id)
      .then((r) => setItems([...(r.items as unknown as Version[])].reverse()))
      .catch((e: unknown) => setError(errorText(e)));
  }, [api, ws, id]);
  useEffect(load, [load, version]);
  const restore = async (v: number) => {
    setError(null);
    try {
      const r = await api.restore(ws, id, v);
      onRestored(r.version, r.journey);
      setDone(`Version ${v} is now the current version (saved as version ${r.version}).`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div>
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status">{done}</p>
      {hasUnsaved && canRestore ? (
        <p className="hint">Wait until your changes are saved to restore a version.</p>
      ) : null}
      {items === null ? <p>Loading the history…</p> : null}
      <ol className="history-list" reversed>
        {(items ?? []).map((v) => {
          const what =
            v.kind && kindWords[v.kind]
              ? `${kindWords[v.kind]}${v.detail && 'restoredFrom' in v.detail ? ` version ${String(v.detail['restoredFrom'])}` : ''}`
              : v.commands.map((c) => describeCommand(c, journey)).join('; ') || 'Saved';
          return (
            <li key={v.version} className="history-item">
              <p className="history-item__head">
                <strong>Version {v.version}</strong>
                {v.version === version ? ' (current)' : ''} · {v.by?.name ?? 'someone'} ·{' '}
                {formatDateTime(v.at)}
              </p>
              <p className="history-item__what">{what.length > 300 ? `${what.slice(0, 297)}…` : what}</p>
              {canRestore && v.version !== version ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={hasUnsaved}
                  onClick={() => void restore(v.version)}
                  aria-label={`Restore version ${v.version}`}
                >
                  Restore
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

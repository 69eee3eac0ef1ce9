import type { EditorState } from '../../state/editor-state';
import { t } from '../../i18n';
import { useUnsavedWords } from '../save-status';

/** The connection and saving state of the live editor in words, for the toolbar's status line. */
export function liveStatusWords(s: {
  canEdit: boolean;
  offline: boolean;
  connected: boolean;
  everConnected: boolean;
  unsent: number;
}): string {
  if (s.offline) return s.canEdit ? t('live.offlineEditor') : t('live.offlineReader');
  if (!s.connected) {
    if (!s.everConnected) return t('live.connecting');
    return s.canEdit ? t('live.reconnectingEditor') : t('live.reconnectingReader');
  }
  if (!s.canEdit) return t('live.liveReader');
  return s.unsent > 0 ? t('live.saving') : t('live.saved');
}

/**
 * The toolbar's status line while the editor is live (a polite live region). When live editing could not
 * connect at all (the REST fallback), it says so: changes are saved, others' appear within 30 seconds.
 */
export function LiveStatus(props: {
  canEdit: boolean;
  offline: boolean;
  connected: boolean;
  everConnected: boolean;
  state: EditorState;
}) {
  const unsent = props.state.pending.length + props.state.inFlight.length;
  // A field holding words that were not taken (too long, refused): never "All changes saved" over them.
  const unsaved = useUnsavedWords();
  return (
    <span className={`save-status live-status${props.connected ? '' : ' live-status--away'}`}>
      <span role="status" data-testid="save-status">
        {(props.canEdit && unsaved) || liveStatusWords({ ...props, unsent })}
      </span>
    </span>
  );
}

/** Said beside the saved state when live editing could not connect and the editor saves every few seconds. */
export function FallbackNote() {
  return (
    <span className="live-fallback" role="note">
      {t('live.fallback')}
    </span>
  );
}

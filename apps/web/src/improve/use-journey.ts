import { useCallback, useEffect, useState } from 'react';
import type { Journey, JourneyCommand } from '@waymark/core';
import { ApiError } from '../api/api-error';
import { errorText } from '../ui/field';
import { improveApi } from './improve-api';
import { t } from '../i18n';

/**
 * A journey and a way to send commands from the version it was loaded at. On a version conflict it takes the
 * server's current journey and says so; the command is not re-sent blindly.
 */
export function useJourney(ws: string, id: string) {
  const [state, setState] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    improveApi
      .journey(ws, id)
      .then((j) => setState({ version: j.version, journey: j.journey }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, id]);
  const send = useCallback(
    async (commands: readonly JourneyCommand[], done: string): Promise<boolean> => {
      if (!state || commands.length === 0) return false;
      try {
        const next = await improveApi.sendCommands(ws, id, state.version, commands);
        setState(next);
        setError(null);
        setStatus(done);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const current = (e.body as { current?: { version: number; journey: Journey } } | null)?.current;
          if (current) setState(current);
          setError(t('improve.conflict'));
        } else setError(errorText(e));
        return false;
      }
    },
    [ws, id, state],
  );
  return { journey: state?.journey ?? null, version: state?.version ?? 0, error, status, send };
}

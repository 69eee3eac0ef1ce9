import { useCallback, useEffect, useRef, useState } from 'react';
import type { Journey, JourneyCommand } from '@waymark/core';
import { ApiError } from '../api/api-error';
import { errorText } from '../ui/field';
import { improveApi } from './improve-api';
import { t } from '../i18n';
import { useSaveQueue, type SaveTurn } from '../state/save-queue';

/**
 * A journey and a way to send commands from the version it was loaded at. On a version conflict it takes the
 * server's current journey and says so; the command is not re-sent blindly.
 *
 * Commands go one batch at a time, each on the version the batch before produced: a second click while the
 * first is on its way (two ideas removed in quick succession on a slow line) waits for it rather than being
 * refused as if someone else had changed the journey. When someone else did change it meanwhile, the rest of
 * the run is not sent over their version either.
 */
export function useJourney(ws: string, id: string) {
  const [state, setState] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // The latest journey the server gave, outside React's render cycle, and the batches not yet answered.
  const latest = useRef<{ version: number; journey: Journey } | null>(null);
  const batches = useSaveQueue();
  const settle = useCallback((next: { version: number; journey: Journey }) => {
    latest.current = next;
    setState(next);
  }, []);
  useEffect(() => {
    improveApi
      .journey(ws, id)
      .then((j) => settle({ version: j.version, journey: j.journey }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, id, settle]);
  const sendNow = useCallback(
    async (commands: readonly JourneyCommand[], done: string, turn: SaveTurn): Promise<boolean> => {
      const base = latest.current;
      if (!base || commands.length === 0 || turn.refused) return false;
      try {
        settle(await improveApi.sendCommands(ws, id, base.version, commands));
        setError(null);
        setStatus(done);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const current = (e.body as { current?: { version: number; journey: Journey } } | null)?.current;
          if (current) settle(current);
          turn.refuse();
          setError(t('improve.conflict'));
        } else setError(errorText(e));
        return false;
      }
    },
    [ws, id, settle],
  );
  const send = useCallback(
    (commands: readonly JourneyCommand[], done: string): Promise<boolean> =>
      batches.add((turn) => sendNow(commands, done, turn)),
    [batches, sendNow],
  );
  return { journey: state?.journey ?? null, version: state?.version ?? 0, error, status, send };
}

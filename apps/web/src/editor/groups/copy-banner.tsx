import { useEffect, useRef } from 'react';
import { useMainWorkshop } from './use-main-workshop';
import './groups.css';
import { t } from '../../i18n';

/**
 * The banner on a group's copy of a map, opened from the main map's group work (`?workshop=<main map>`):
 * whose copy this is and the way back. When the facilitator merges the group's work, removes the group or
 * ends the group work, everyone on the copy is taken back to the main map (the copy goes to the bin when
 * merged, so nothing typed there afterwards would count).
 */
export function CopyBanner(props: { ws: string; copyId: string; mainId: string; back: () => void }) {
  const { ws, copyId, mainId, back } = props;
  const workshop = useMainWorkshop(ws, mainId);
  const group =
    workshop?.groups?.groups.find((g) => g.place.kind === 'copy' && g.place.journeyId === copyId) ?? null;
  const seen = useRef(false);
  const over = seen.current && (!group || !!group.merged);
  if (group && !group.merged) seen.current = true;
  useEffect(() => {
    if (over) back();
  }, [over, back]);

  return (
    <section className="group-banner group-banner--copy" aria-label={t('groups.yourGroup')}>
      <p className="group-banner__words" data-testid="group-banner">
        {group
          ? t('groups.copyBanner.working', { name: group.name })
          : workshop
            ? t('groups.copyBanner.notRunning')
            : t('groups.copyBanner.plain')}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={back}>
        {t('groups.backToMain')}
      </button>
    </section>
  );
}

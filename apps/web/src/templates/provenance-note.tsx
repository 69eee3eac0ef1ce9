import { useEffect, useState } from 'react';
import { formatDateIn, t } from '../i18n';
import { readProvenance, type Provenance } from './templates-api';
import './templates.css';

/** On a map copied from another workspace: where it came from, when and by whom (issue 14 item 5). */
export function ProvenanceNote({ ws, id }: { ws: string; id: string }) {
  const [provenance, setProvenance] = useState<Provenance | null>(null);
  useEffect(() => {
    let live = true;
    readProvenance(ws, id)
      .then((r) => {
        if (live) setProvenance(r.provenance);
      })
      // Where it came from is a note beside the map: the map works without it.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ws, id]);
  if (!provenance) return null;
  return (
    <p className="provenance-note">
      {t('templates.provenance', {
        title: provenance.fromJourneyTitle,
        version: provenance.fromVersion,
        workspace: provenance.fromWorkspaceName,
        name: provenance.copiedByName,
        date: formatDateIn(provenance.copiedAt),
      })}
    </p>
  );
}

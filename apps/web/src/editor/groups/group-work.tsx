import type { WorkshopAction, WorkshopState } from '@waymark/api';
import type { Journey } from '@waymark/core';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { ApiClient } from '../../api/client';
import { useRouter } from '../../app/router';
import { CopyBanner } from './copy-banner';
import { GroupBanner } from './group-banner';
import { GroupsPanel } from './groups-panel';

/**
 * Group work in the editor (decision 0014, "Groups"), one place for the editor to mount: on a group's copy
 * (opened with `?workshop=<main map>`) the copy's banner; on a map with a workshop, the facilitator's groups
 * panel or a participant's group banner.
 */
export function GroupWork(props: {
  api: ApiClient;
  ws: string;
  id: string;
  journey: Journey;
  workshop: WorkshopState | null;
  send: (action: WorkshopAction) => void;
  me: { readonly user: { readonly id: string; readonly name: string }; readonly role: string } | null;
  participants: readonly { readonly user: { readonly id: string; readonly name: string } }[];
  scrollerRef: RefObject<HTMLDivElement | null>;
  zoom: number;
}) {
  const { api, ws, id, journey, workshop, send, me, participants, scrollerRef, zoom } = props;
  const { navigate, search } = useRouter();
  // A group's copy opened from the main map's group work says so in its address; opened any other way (the
  // workspace's list), the copy's own record tells which map it came from.
  const fromAddress = search.get('workshop');
  const basedOn = journey.meta.basedOn ?? null;
  const [recorded, setRecorded] = useState<string | null>(null);
  useEffect(() => {
    if (fromAddress || !basedOn) return;
    let current = true;
    api
      .groupCopyOrigin(ws, id)
      .then((r) => current && setRecorded(r.groupCopy?.from ?? null))
      .catch(() => undefined); // not knowing only leaves the banner out
    return () => {
      current = false;
    };
  }, [api, ws, id, fromAddress, basedOn]);
  const mainId = fromAddress ?? recorded;
  const openCopy = useCallback(
    (copyId: string) =>
      navigate({ page: 'editor', ws, id: copyId }, { search: `?workshop=${encodeURIComponent(id)}` }),
    [navigate, ws, id],
  );
  const back = useCallback(() => {
    if (mainId) navigate({ page: 'editor', ws, id: mainId });
  }, [navigate, ws, mainId]);

  if (mainId && mainId !== id) return <CopyBanner ws={ws} copyId={id} mainId={mainId} back={back} />;
  const facilitator = workshop?.facilitator ?? null;
  if (!facilitator || !me) return null;
  const facilitating = facilitator.id === me.user.id;
  return (
    <>
      {facilitating ? (
        <GroupsPanel
          api={api}
          ws={ws}
          journeyId={id}
          journey={journey}
          work={workshop?.groups ?? null}
          people={participants}
          facilitatorId={facilitator.id}
          send={send}
          openCopy={openCopy}
        />
      ) : null}
      <GroupBanner
        journey={journey}
        work={workshop?.groups ?? null}
        meId={me.user.id}
        facilitating={facilitating}
        send={send}
        scrollerRef={scrollerRef}
        zoom={zoom}
        openCopy={openCopy}
      />
    </>
  );
}

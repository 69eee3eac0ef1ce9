import type { LiveServerMessage, WorkshopState, WorkshopTimer } from '@waymark/api';
import { votableKinds, type VotableKind } from '@waymark/core';
import { namespaces, workshopRefusalMessageId, type MessageId } from '@waymark/i18n';
import { t } from '../../i18n';
import { votableKindName } from '../voting/voting-model';

/**
 * The browser's side of workshop facilitation (decision 0014), pure: the workshop state as the server last
 * sent it, how far this computer's clock is from the server's, and the last refusal of this tab's action.
 */
export interface WorkshopClient {
  readonly state: WorkshopState | null;
  /** Server time minus this computer's time when the state arrived, ms: add it to Date.now(). */
  readonly offsetMs: number;
  /** Why this tab's last action was refused, in words for the person; null once put away. */
  readonly refusal: string | null;
}

export const emptyWorkshopClient: WorkshopClient = { state: null, offsetMs: 0, refusal: null };

/**
 * Takes a workshop message (or the workshop in a welcome) off the live socket. Returns the next client state
 * and whether the message was the workshop's only (the co-editing engine never sees those), or null when the
 * message has nothing for the workshop. `receivedAt` is this computer's Date.now() when it arrived.
 */
export function takeWorkshopMessage(
  client: WorkshopClient,
  message: LiveServerMessage,
  receivedAt: number,
): { next: WorkshopClient; consumed: boolean } | null {
  const accept = (state: WorkshopState, now: number): WorkshopClient =>
    client.state && state.revision < client.state.revision
      ? client
      : { ...client, state, offsetMs: now - receivedAt };
  switch (message.type) {
    case 'workshop':
      return { next: accept(message.state, message.now), consumed: true };
    case 'workshop-refused':
      return {
        next: { ...client, refusal: workshopRefusalWords(message.code, message.values) },
        consumed: true,
      };
    case 'welcome':
      // A server without workshops sends none: nothing to show.
      if (!message.workshop || message.now === undefined) return null;
      return {
        // A welcome is the whole truth (a reconnect to another server may be behind by a moment: rare).
        next: { ...client, state: message.workshop, offsetMs: message.now - receivedAt },
        consumed: false,
      };
    default:
      return null;
  }
}

const known = namespaces.workshop.en as Record<string, string>;
const roleIds: Record<string, MessageId> = {
  owner: 'model.role.owner',
  editor: 'model.role.editor',
  commenter: 'model.role.commenter',
  viewer: 'model.role.viewer',
};

/**
 * A refusal of a workshop action in words (decision 0017): from the catalogue by its code
 * (`workshop.refused.<code>`), with its values, roles and votable kinds named in the person's language. The
 * server's English `message` is never shown: a code this web does not know gets plain words of its own.
 */
export function workshopRefusalWords(
  code: string,
  values: Readonly<Record<string, string | number>> | undefined,
): string {
  const id = workshopRefusalMessageId(code);
  if (!(id in known)) return t('workshop.refused.unknown');
  const said: Record<string, string | number> = { ...values };
  for (const key of ['role', 'needed']) {
    const role = said[key];
    if (typeof role === 'string' && roleIds[role]) said[key] = t(roleIds[role]);
  }
  const kind = said.kind;
  if (typeof kind === 'string' && (votableKinds as readonly string[]).includes(kind))
    said.kind = votableKindName(kind as VotableKind, true);
  return t(id, said);
}

/** Milliseconds left on the timer at this computer's time `localNow` (never below 0). */
export function remainingMs(timer: WorkshopTimer, offsetMs: number, localNow: number): number {
  return Math.max(0, timer.endsAt - (localNow + offsetMs));
}

/** "4:05" — minutes and seconds, rounded up so it reaches 0:00 only when the time is up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The countdown in words for screen readers ("4 minutes 5 seconds left"). */
export function remainingWords(ms: number): string {
  if (ms <= 0) return t('workshop.timer.up');
  const seconds = Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m > 0 && s > 0) return t('workshop.timer.leftMinutesSeconds', { minutes: m, seconds: s });
  if (m > 0) return t('workshop.timer.leftMinutes', { minutes: m });
  return t('workshop.timer.leftSeconds', { seconds: s });
}

/**
 * What a screen reader should hear as the timer moves from `before` to `after` ms left: only the moments
 * that matter — "1 minute left" and "Time is up" — never every second. Null: say nothing.
 */
export function timerAnnouncement(before: number, after: number): string | null {
  if (before > 0 && after <= 0) return t('workshop.timer.up');
  if (before > 60_000 && after <= 60_000 && after > 0) return t('workshop.timer.leftMinutes', { minutes: 1 });
  return null;
}

/**
 * What changed in the workshop, in words for screen readers (said politely, once): a workshop started or
 * ended, the structure locked or unlocked, following started or stopped, a timer started or stopped. Null
 * when nothing worth saying changed (the facilitator moving, time added). `meId`: the person reading.
 */
export function workshopChangeWords(
  before: WorkshopState | null,
  after: WorkshopState | null,
  meId: string | null,
): string | null {
  if (!before || !after || after.revision <= before.revision) return null;
  const who = after.facilitator ?? before.facilitator;
  const mine = !!who && who.id === meId;
  const name = who?.name ?? t('workshop.said.theFacilitator');
  const said: string[] = [];
  if (!before.facilitator && after.facilitator)
    said.push(mine ? t('workshop.said.startedByYou') : t('workshop.said.started', { name }));
  else if (before.facilitator && !after.facilitator) return t('workshop.said.ended');
  else if (before.facilitator && after.facilitator && before.facilitator.id !== after.facilitator.id)
    said.push(
      after.facilitator.id === meId
        ? t('workshop.said.tookOverByYou')
        : t('workshop.said.tookOver', { name: after.facilitator.name }),
    );
  if (!before.structureLocked && after.structureLocked)
    said.push(mine ? t('workshop.said.lockedByYou') : t('workshop.said.locked', { name }));
  if (before.structureLocked && !after.structureLocked)
    said.push(mine ? t('workshop.said.unlockedByYou') : t('workshop.said.unlocked', { name }));
  if (!before.follow && after.follow)
    said.push(mine ? t('workshop.said.followingYou') : t('workshop.said.following', { name }));
  if (before.follow && !after.follow)
    said.push(mine ? t('workshop.said.nobodyFollowing') : t('workshop.said.followingEnded'));
  if (after.timer && (!before.timer || before.timer.startedAt !== after.timer.startedAt)) {
    const minutes = Math.round((after.timer.endsAt - after.timer.startedAt) / 60_000);
    said.push(t('workshop.said.timerStarted', { label: after.timer.label, minutes }));
  }
  if (before.timer && !after.timer) said.push(t('workshop.said.timerStopped'));
  return said.length > 0 ? said.join(' ') : null;
}

import {
  channelIds,
  metricKindIds,
  metricKinds,
  type Card,
  type CardInput,
  type Channel,
  type Journey,
  type Lane,
} from '@waymark/core';
import { metricText } from '../app/format';
import { t, type MessageId } from '../i18n';
import { parseScore } from './emotion-geometry';
import { channelsIn, readChannelLabel, readDirection } from './touchpoint-words';

/**
 * A line typed into a quick-entry box: a card, or words saying what was expected. Where the words could mean
 * more than one thing (which channel is “Portal”?), `choice` carries the question and a card for each answer,
 * so the box asks in place and nothing is stored until the person chooses (decision 0016).
 */
export type QuickEntry = { ok: true; card: CardInput } | { ok: false; message: string; choice?: QuickChoice };

export interface QuickChoice {
  readonly question: string;
  readonly options: readonly { readonly label: string; readonly card: CardInput }[];
}

const lower = (s: string) => s.trim().toLowerCase();

/** `Label: rest` split when the label names one of `options` (by id or label, any case). */
function prefixed<T extends string>(
  text: string,
  options: readonly { id: T; label: string }[],
): { id: T; rest: string } | null {
  const m = /^([^:]{1,40}):\s*(.*)$/s.exec(text);
  if (!m) return null;
  const found = options.find((o) => lower(o.id) === lower(m[1]!) || lower(o.label) === lower(m[1]!));
  return found ? { id: found.id, rest: m[2]!.trim() } : null;
}

/** A hint for the quick-entry box of a lane kind: what to type. */
export function quickEntryHint(lane: Lane, journey: Journey): string {
  switch (lane.kind) {
    case 'emotion':
      return t('editor.hint.emotion');
    case 'lever':
      return t('editor.hint.lever', {
        category: journey.leverCategories[0]?.label ?? t('editor.hint.leverCategory'),
      });
    case 'touchpoint':
      return t('editor.hint.touchpoint');
    case 'metric':
      return t('editor.hint.metric');
    case 'feeling':
      return t('editor.hint.feeling');
    case 'baton-change':
      return t('editor.hint.batonChange');
    default:
      return t('editor.hint.other');
  }
}

const quoteMarks = /^["“‘'](.+)["”’']$/s;

/**
 * The card a line typed into a cell's quick-entry box makes, by the lane's kind. Bad input says what was
 * expected. `personaId` is the persona chosen for new emotion cards (several curves in one lane).
 */
export function quickCard(
  journey: Journey,
  lane: Lane,
  columnId: string,
  typed: string,
  id: string,
  personaId?: string,
): QuickEntry {
  const text = typed.trim();
  if (text === '') return { ok: false, message: t('editor.quick.typeFirst') };
  const base = { id, laneId: lane.id, columnId } as const;
  switch (lane.kind) {
    case 'emotion': {
      const parsed = parseScore(text);
      if (!parsed.ok) return parsed;
      const persona = personaId ?? lane.personaId;
      return {
        ok: true,
        card: { ...base, kind: 'emotion', score: parsed.score, ...(persona ? { personaId: persona } : {}) },
      };
    }
    case 'lever': {
      const p = prefixed(text, journey.leverCategories);
      const category = p?.id ?? journey.leverCategories[0]?.id;
      if (!category) return { ok: false, message: t('editor.quick.noLeverCategory') };
      return { ok: true, card: { ...base, kind: 'lever', category, text: p?.rest || text } };
    }
    case 'touchpoint':
      return touchpointCard(journey, base, text);
    case 'metric': {
      const options = metricKindIds.map((m) => ({ id: m, label: metricKinds[m].label }));
      // People may type a figure's name in the language they use: the chosen language's words are read too.
      const named = metricKindIds.map((m) => ({ id: m, label: t(`model.metric.${m}` as MessageId) }));
      const p = prefixed(text, options) ?? prefixed(text, named);
      const value = Number((p?.rest ?? text).replace(/[£,%\s]/g, ''));
      if (!Number.isFinite(value) || (p?.rest ?? text).trim() === '') {
        return {
          ok: false,
          message: t('editor.quick.badMetric', { figures: named.map((o) => o.label).join(', ') }),
        };
      }
      return { ok: true, card: { ...base, kind: 'metric', metric: p?.id ?? 'contacts', value } };
    }
    case 'feeling': {
      const quoted = quoteMarks.exec(text);
      return {
        ok: true,
        card: {
          ...base,
          kind: 'feeling',
          text: quoted ? quoted[1]!.trim() : text,
          mode: quoted ? 'says' : 'feels',
          quote: quoted !== null,
        },
      };
    }
    case 'baton-change': {
      const [fromName, toName, ...rest] = text.split(/\s*(?:→|->)\s*/);
      const org = (name: string | undefined) =>
        journey.organisations.find(
          (o) => name !== undefined && (lower(o.name) === lower(name) || lower(o.id) === lower(name)),
        );
      const from = org(fromName);
      const to = org(toName);
      if (!from || !to || rest.length > 0) {
        const names =
          journey.organisations.map((o) => o.name).join(', ') || t('editor.quick.noOrganisations');
        return {
          ok: false,
          message: t('editor.quick.badBaton', { names }),
        };
      }
      return { ok: true, card: { ...base, kind: 'baton-change', from: from.id, to: to.id } };
    }
    case 'step':
    case 'moment-of-truth':
    case 'pain-point':
    case 'text':
      return { ok: true, card: { ...base, kind: lane.kind, text } };
  }
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/**
 * A touchpoint from what people write: the channel by its words or synonyms (“Online form”, “Visit”,
 * “e-mail”, “Council letter”), outbound when the organisation acts (“We send…”, “Council writes…”),
 * inbound when the customer does. An unknown or ambiguous channel is asked, never guessed.
 */
function touchpointCard(
  journey: Journey,
  base: { id: string; laneId: string; columnId: string },
  text: string,
): QuickEntry {
  const m = /^([^:]{1,40}):\s*(.*)$/s.exec(text);
  const label = m ? m[1]!.trim() : '';
  const rest = m ? m[2]!.trim() : text;
  const reading = m ? readChannelLabel(label, rest) : null;
  // A label that names no channel ("Note: …") is part of the words; so is everything without a colon.
  const named = reading !== null && reading.kind !== 'unknown';
  const words = named ? rest || label : text;
  const direction = readDirection(named ? label : '', named ? rest : text, journey);
  const make = (channel: Channel): CardInput => ({
    ...base,
    kind: 'touchpoint',
    channel,
    direction,
    text: words,
  });
  let among: readonly Channel[];
  if (reading?.kind === 'channel') return { ok: true, card: make(reading.channel) };
  if (reading?.kind === 'choose') among = reading.among;
  else {
    const found = channelsIn(m && reading?.kind === 'unknown' ? rest : text);
    if (found.length === 1 && !m) return { ok: true, card: make(found[0]!) };
    among = found.length > 1 ? found : channelIds;
  }
  const question = t('editor.quick.whichChannel', { words: shorten(text) });
  return {
    ok: false,
    message: t('editor.quick.chooseChannel', { question, words: shorten(words) }),
    choice: {
      question,
      options: among.map((c) => ({ label: t(`model.channel.${c}` as MessageId), card: make(c) })),
    },
  };
}

/** Short words for a card, for buttons and screen readers (the same summary as the CSV export). */
export function cardLabel(journey: Journey, card: Card): string {
  switch (card.kind) {
    case 'baton-change': {
      const name = (id: string) => journey.organisations.find((o) => o.id === id)?.name ?? id;
      return `${name(card.from)} → ${name(card.to)}${card.text ? `: ${card.text}` : ''}`;
    }
    case 'lever':
      return `${journey.leverCategories.find((c) => c.id === card.category)?.label ?? card.category}: ${card.text}`;
    case 'metric':
      return metricText(card.metric, card.value);
    case 'emotion':
      return t(card.estimate ? 'editor.card.scoreEstimate' : 'editor.card.score', {
        score: `${card.score > 0 ? '+' : ''}${card.score}`,
      });
    case 'touchpoint':
      return `${t(`model.channel.${card.channel}` as MessageId)}: ${card.text}`;
    default:
      return card.text;
  }
}

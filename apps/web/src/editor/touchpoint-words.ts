import { channels, type Channel, type Direction, type Journey } from '@waymark/core';

/**
 * The words people write for a contact channel, and for who made the contact. Quick entry reads these so
 * that `Online form: Submits application` is a web card and `Council writes: …` is outbound; where the
 * words could mean more than one channel it asks (decision 0016) instead of guessing.
 */

/** Exact labels (before a colon) and the channel they name. Lower case, spaces for hyphens. */
const channelWords: Record<Channel, readonly string[]> = {
  'face-to-face': [
    'face to face',
    'f2f',
    'in person',
    'in-person',
    'at the office',
    'office',
    'counter',
    'drop in',
    'reception',
    'meeting',
    'appointment',
  ],
  telephone: [
    'telephone',
    'phone',
    'phone call',
    'call',
    'calls',
    'called',
    'phoned',
    'phones',
    'rings',
    'rang',
    'ring',
    'tel',
    'voicemail',
    'helpline',
    'call centre',
    'contact centre',
  ],
  web: [
    'web',
    'online',
    'online form',
    'web form',
    'webform',
    'website',
    'web site',
    'internet',
    'webchat',
    'web chat',
    'live chat',
    'online account',
    'e form',
    'eform',
  ],
  email: ['email', 'e mail', 'emails', 'emailed', 'mailbox'],
  letter: [
    'letter',
    'letter / post',
    'post',
    'posted',
    'by post',
    'letters',
    'leaflet',
    'writes',
    'wrote',
    'writes to',
    'paper form',
  ],
  app: ['app', 'mobile app', 'smartphone app'],
  sms: ['sms', 'text', 'text message', 'texts', 'texted', 'txt'],
  'social-media': ['social media', 'facebook', 'twitter', 'instagram', 'whatsapp', 'tweet', 'dm'],
  'home-visit': [
    'home visit',
    'visit at home',
    'house visit',
    'visits home',
    'home assessment',
    'visit to the home',
  ],
  'third-party': ['third party', 'agency', 'partner agency', 'via a third party', 'advocate', 'referral'],
};

/** Labels that could mean more than one channel: the person chooses among these. */
const ambiguousWords: Record<string, readonly Channel[]> = {
  visit: ['home-visit', 'face-to-face'],
  visits: ['home-visit', 'face-to-face'],
  chat: ['web', 'app', 'social-media'],
  mail: ['letter', 'email'],
  message: ['sms', 'email', 'app', 'social-media'],
  form: ['web', 'letter'],
};

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‐-‒–—-]/g, ' ')
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type ChannelReading =
  { kind: 'channel'; channel: Channel } | { kind: 'choose'; among: readonly Channel[] } | { kind: 'unknown' };

/** What a label written before a colon ("Online form", "Council letter", "Visit") says about the channel. */
export function readChannelLabel(label: string, rest = ''): ChannelReading {
  const words = norm(label);
  for (const id of Object.keys(channels) as Channel[]) {
    if (id === words || norm(channels[id].label) === words || channelWords[id].includes(words))
      return { kind: 'channel', channel: id };
  }
  if (ambiguousWords[words]) return settle(ambiguousWords[words], rest);
  // "Council letter", "Letter from the council", "OT home visit": a channel's words inside the label.
  const found = channelsIn(words);
  if (found.length === 1) return { kind: 'channel', channel: found[0]! };
  if (found.length > 1) return { kind: 'choose', among: found };
  const loose = Object.keys(ambiguousWords).filter((w) => new RegExp(`\\b${w}\\b`).test(words));
  if (loose.length === 1) return settle(ambiguousWords[loose[0]!]!, rest);
  return { kind: 'unknown' };
}

/** A visit to the home is a home visit; a visit to the office is face to face; otherwise ask. */
function settle(among: readonly Channel[], rest: string): ChannelReading {
  const r = norm(rest);
  if (among.includes('home-visit') && /\b(home|house|property|flat|bungalow)\b/.test(r))
    return { kind: 'channel', channel: 'home-visit' };
  if (among.includes('face-to-face') && /\b(office|counter|reception|hub|centre|town hall)\b/.test(r))
    return { kind: 'channel', channel: 'face-to-face' };
  return { kind: 'choose', among };
}

/** The channels whose words appear in free text, each once, in registry order. */
export function channelsIn(text: string): Channel[] {
  const t = ` ${norm(text)} `;
  const found: Channel[] = [];
  for (const id of Object.keys(channels) as Channel[]) {
    const all = [norm(channels[id].label), ...channelWords[id]];
    if (all.some((w) => w.length > 1 && t.includes(` ${w} `))) found.push(id);
  }
  // "home visit" also contains a visit; a web form is not a paper form.
  return found.includes('home-visit') ? found.filter((c) => c !== 'face-to-face') : found;
}

const outboundVerbs =
  'sends?|sent|writes?|wrote|replies|replied|calls?|called|phones?|phoned|rings?|rang|emails?|emailed|texts?|texted|visits?|visited|posts?|posted|confirms?|confirmed|tells?|told|informs?|informed|asks?|asked|invites?|invited|notifies|notified|acknowledges?|acknowledged|offers?|offered|chases?|chased|reminds?|reminded|contacts?|contacted|arranges?|arranged|issues?|issued|decides?|approves?|approved|refuses?|refused|awards?|awarded|assess(?:es)?|assessed|inspects?|inspected|surveys?|surveyed|measures?|measured|installs?|installed|fits?|fitted';

/**
 * Outbound when the organisation is who acts: "We send…", "Council writes…", "Letter from the council",
 * "Council's letter", or one of the journey's organisations as the subject. Otherwise inbound: the words
 * say what the customer does.
 */
export function readDirection(label: string, rest: string, journey: Journey): Direction {
  const names = [
    'we',
    'us',
    'our',
    'council',
    'the council',
    'officer',
    'the officer',
    'case officer',
    'staff',
    'team',
    'the team',
    'ot',
    'the ot',
    'occupational therapist',
    'the occupational therapist',
    'surveyor',
    'the surveyor',
    ...journey.organisations.flatMap((o) => [norm(o.name), `the ${norm(o.name)}`, norm(o.id)]),
  ]
    .filter((n) => n !== '')
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const who = `(?:${names.join('|')})`;
  const subject = new RegExp(`^${who}\\b(?: \\w+)?? (?:${outboundVerbs})\\b`);
  const owned = new RegExp(
    `(?:^|\\b)(?:${who}) (?:letter|email|text|call|visit|reply|decision|form|message)\\b`,
  );
  const from = new RegExp(`\\b(?:from|by) ${who}\\b`);
  const l = norm(label);
  const r = norm(rest);
  if (/^(outbound|out|to customer|to the customer|sent|we send)$/.test(l)) return 'outbound';
  if (/^(inbound|in|from customer|from the customer)$/.test(l)) return 'inbound';
  for (const part of [l, r]) {
    if (part === '') continue;
    if (subject.test(part) || /^(we|our)\b/.test(part)) return 'outbound';
    if (owned.test(part) || from.test(part)) return 'outbound';
  }
  if (
    /^(sent|issued|posted|emailed|texted) (to|out)\b/.test(r) ||
    /\b(sent|posted|issued) to (the )?(customer|resident|applicant|tenant|victim|her|him|them)\b/.test(r)
  )
    return 'outbound';
  return 'inbound';
}

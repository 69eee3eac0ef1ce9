/** The journey `npm run bench:web` opens: deterministic, so every run measures the same map. */
export const COLUMNS = 300;

/** A small deterministic generator (mulberry32), so every run of the bench loads the same journey. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 300 steps × 12 lanes (one of every kind, and two more), one card in every cell. */
export function largeJourney() {
  const next = random(42);
  const lanes = [
    ['steps', 'step'],
    ['touchpoints', 'touchpoint'],
    ['batons', 'baton-change'],
    ['feelings', 'feeling'],
    ['emotion', 'emotion'],
    ['moments', 'moment-of-truth'],
    ['pains', 'pain-point'],
    ['levers', 'lever'],
    ['metrics', 'metric'],
    ['notes', 'text'],
    ['quotes', 'feeling'],
    ['more-notes', 'text'],
  ] as const;
  const columns = Array.from({ length: COLUMNS }, (_, i) => ({ id: `s${i + 1}`, label: `Step ${i + 1}` }));
  const words = [
    'Calls',
    'the',
    'council',
    'waits',
    'for',
    'a',
    'reply',
    'again',
    'and',
    'is',
    'passed',
    'on',
  ];
  const phrase = () =>
    Array.from({ length: 3 + Math.floor(next() * 5) }, () => words[Math.floor(next() * words.length)]).join(
      ' ',
    );
  const cards = columns.flatMap((c, i) =>
    lanes.map(([laneId, kind]) => {
      const base = { id: `${laneId}-${c.id}`, laneId, columnId: c.id };
      switch (kind) {
        case 'emotion':
          return { ...base, kind, score: Math.round(Math.sin(i / 9) * 70 + (next() - 0.5) * 40) };
        case 'touchpoint':
          return { ...base, kind, channel: 'telephone', text: phrase() };
        case 'baton-change':
          return { ...base, kind, from: 'council', to: 'police' };
        case 'lever':
          return { ...base, kind, category: ['contact', 'process', 'comms'][i % 3], text: phrase() };
        case 'metric':
          return { ...base, kind, metric: 'contacts', value: Math.floor(next() * 9) };
        case 'feeling':
          return { ...base, kind, text: phrase(), quote: next() < 0.5 };
        default:
          return { ...base, kind, text: phrase() };
      }
    }),
  );
  return {
    schemaVersion: 2,
    id: 'bench-300',
    meta: { title: 'Bench: 300 steps × 12 lanes', journeyType: 'current' },
    organisations: [
      { id: 'council', name: 'Council', kind: 'organisation' },
      { id: 'police', name: 'Police', kind: 'organisation' },
    ],
    columns,
    lanes: lanes.map(([id, kind]) => ({ id, kind, label: id })),
    cards,
  };
}

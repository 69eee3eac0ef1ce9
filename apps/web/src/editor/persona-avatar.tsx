/**
 * Personas on the map (decision 0022): initials in a circle whose colour comes from the name, so a persona keeps
 * its colour on every map and in every session. The model holds no pictures, and nothing is fetched from
 * elsewhere: the initials are the portrait. Every colour carries white text at 4.5:1 or more.
 */
const avatarColours = [
  '#185f9d',
  '#00703c',
  '#4c2c92',
  '#a0225c',
  '#6b4f00',
  '#00726b',
  '#3d4a8f',
  '#505a5f',
];

/** Words that do not start an initial ("Victim of repeated anti-social behaviour" → "VR"). */
const small = new Set([
  'a',
  'an',
  'and',
  'of',
  'the',
  'for',
  'to',
  'in',
  'on',
  'with',
  'y',
  'yr',
  'a’r',
  'o',
]);

/** Up to two initials from a name: its first and last telling words, upper case; "?" for no letters at all. */
export function personaInitials(name: string): string {
  const words = name
    .split(/[\s\-–—/()"“”'‘’,.:;]+/u)
    .filter((w) => /\p{L}/u.test(w))
    .filter((w, i, all) => all.length === 1 || !small.has(w.toLowerCase()));
  if (words.length === 0) return '?';
  const first = [...words[0]!].find((c) => /\p{L}/u.test(c))!;
  if (words.length === 1) return first.toLocaleUpperCase();
  const last = [...words[words.length > 2 ? 1 : words.length - 1]!].find((c) => /\p{L}/u.test(c))!;
  return `${first}${last}`.toLocaleUpperCase();
}

/** A colour for a name: the same name always gets the same colour (a small string hash, not random). */
export function personaColour(name: string): string {
  let hash = 0;
  for (const c of name.trim().toLowerCase()) hash = (hash * 31 + c.codePointAt(0)!) >>> 0;
  return avatarColours[hash % avatarColours.length]!;
}

/** The avatar itself: decoration beside the name, which the caller always writes out (hidden or shown). */
export function PersonaAvatar({ name, size = 'medium' }: { name: string; size?: 'small' | 'medium' }) {
  return (
    <span
      className={`persona-avatar persona-avatar--${size}`}
      style={{ background: personaColour(name) }}
      aria-hidden="true"
      data-initials={personaInitials(name)}
    >
      {personaInitials(name)}
    </span>
  );
}

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number for an SVG attribute: at most two decimals, no `-0`, the same string for the same value. */
export const num = (n: number): string => {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
};

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** ` a="1" b="x"` with every value escaped; undefined values are left out. */
export function attrs(values: Attrs): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
}

/** An element: `el('rect', {x: 1})` or `el('g', {}, children)`. */
export const el = (name: string, values: Attrs, children?: string): string =>
  children === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;

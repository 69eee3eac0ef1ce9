import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it (for tests): each content stream's strings (`Tj`, `TJ`) decoded through
 * their font's ToUnicode map, a line per text object. Enough for the PDFs Waymark prints (Type 0 fonts with
 * 2-byte glyph codes, Flate-compressed streams); not a general PDF reader.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const latin = raw.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const objectRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectRe.exec(latin); m; m = objectRe.exec(latin)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = m.index + m[0].indexOf(body) + at + 'stream'.length;
    if (latin[start] === '\r') start++;
    if (latin[start] === '\n') start++;
    const length = /\/Length (\d+)/.exec(dict);
    const end = length ? start + Number(length[1]) : latin.indexOf('endstream', start);
    const data = raw.subarray(start, end);
    objects.set(Number(m[1]), {
      dict,
      stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : Buffer.from(data),
    });
  }
  const hex = (h: string) => Number.parseInt(h, 16);
  /** ToUnicode map of a font object: glyph code → text. */
  const cmapOf = (fontObject: number): Map<number, string> => {
    const map = new Map<number, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject)?.dict ?? '');
    const cmap = ref ? objects.get(Number(ref[1]))?.stream?.toString('latin1') : undefined;
    if (!cmap) return map;
    const utf16 = (h: string) => Buffer.from(h, 'hex').swap16().toString('utf16le');
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(hex(src!), utf16(dst!));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, dst] of block[1]!.matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      ))
        for (let code = hex(lo!); code <= hex(hi!); code++)
          map.set(code, String.fromCodePoint(hex(dst!) + code - hex(lo!)));
    return map;
  };
  const lines: string[] = [];
  for (const { dict } of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fonts) continue;
    // A page: its fonts by resource name, and its content streams.
    const byName = new Map<string, Map<number, string>>();
    for (const [, name, ref] of fonts[1]!.matchAll(/\/(\S+?) (\d+) 0 R/g))
      byName.set(name!, cmapOf(Number(ref)));
    const contents = /\/Contents (?:(\d+) 0 R|\[([^\]]*)\])/.exec(dict);
    const refs = contents?.[1]
      ? [contents[1]]
      : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((r) => r[1]!);
    for (const ref of refs) {
      const content = objects.get(Number(ref))?.stream?.toString('latin1') ?? '';
      let cmap = new Map<number, string>();
      for (const textObject of content.matchAll(/BT([\s\S]*?)ET/g)) {
        let line = '';
        for (const op of textObject[1]!.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]|<[0-9A-Fa-f]*>)\s*T[Jj]/g)) {
          if (op[1]) cmap = byName.get(op[1]) ?? new Map();
          else
            for (const [, h] of op[2]!.matchAll(/<([0-9A-Fa-f]*)>/g))
              for (let i = 0; i + 4 <= h!.length; i += 4)
                line += cmap.get(hex(h!.slice(i, i + 4))) ?? '\uFFFD';
        }
        if (line !== '') lines.push(line);
      }
    }
  }
  return lines.join('\n');
}

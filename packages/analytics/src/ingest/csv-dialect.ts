/** Sniffs the encoding, delimiter and quote of a CSV file from its first bytes. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SniffedDialect {
  readonly encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bom: number;
  readonly delimiter: number;
  readonly quote: number;
}

const candidates = [44, 59, 9, 124]; // , ; tab |

export function sniffEncoding(sample: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // UTF-16 without a mark: every other byte of ASCII text is zero
  if (sample.length >= 4 && sample[1] === 0 && sample[3] === 0 && sample[0] !== 0)
    return { encoding: 'utf-16le', bom: 0 };
  if (sample.length >= 4 && sample[0] === 0 && sample[2] === 0 && sample[1] !== 0)
    return { encoding: 'utf-16be', bom: 0 };
  // never a guess: bytes that are not UTF-8 are refused by the import with their line (decision 0011)
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * Picks the delimiter whose count outside quotes is the same, and above zero, on the most of
 * the first lines (ties go to the earlier candidate: comma, semicolon, tab, bar).
 */
export function sniffDelimiter(text: string, quote = '"'): number {
  const lines = splitSampleLines(text, quote).slice(0, 50);
  let best = 44;
  let bestScore = -1;
  for (const d of candidates) {
    const ch = String.fromCharCode(d);
    const counts = lines.map((l) => countOutsideQuotes(l, ch, quote));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function splitSampleLines(text: string, quote: string): string[] {
  const out: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === quote) inQuote = !inQuote;
    else if (c === '\n' && !inQuote) {
      out.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  return out.filter((l) => l.length > 0);
}

function countOutsideQuotes(line: string, ch: string, quote: string): number {
  let n = 0;
  let inQuote = false;
  for (const c of line) {
    if (c === quote) inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}

export function sniffDialect(sample: Uint8Array): SniffedDialect {
  const { encoding, bom } = sniffEncoding(sample);
  const text = new TextDecoder(encoding).decode(sample.subarray(bom));
  const quote = /^'|[,;\t|]'/.test(text.slice(0, 4096)) && !text.slice(0, 4096).includes('"') ? 39 : 34;
  return { encoding, bom, delimiter: sniffDelimiter(text, String.fromCharCode(quote)), quote };
}

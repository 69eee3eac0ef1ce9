import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvReader } from './csv-reader';
import { readRange } from './csv-worker';
import { Utf8Stream } from './text-rules';

function written(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'waymark-range-')), 'log.csv');
  writeFileSync(path, bytes);
  return path;
}

/** Records of the ranges read in turn by one reader, through the UTF-8 check, in chunks of `chunkBytes`. */
async function records(path: string, ranges: [number, number][], chunkBytes: number): Promise<string[][]> {
  const rows: string[][] = [];
  const dec = new TextDecoder();
  const reader: CsvReader = new CsvReader({ delimiter: 44, quote: 34 }, (rec) => {
    const row: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      row.push(dec.decode(v.bytes.subarray(v.start, v.end)));
    }
    rows.push(row);
  });
  const utf8 = new Utf8Stream((_chunk, at) => {
    throw new Error(`not UTF-8 at ${at}`);
  });
  for (const [start, end] of ranges)
    for await (const chunk of readRange(path, start, end, chunkBytes)) {
      utf8.check(chunk);
      reader.push(chunk);
    }
  utf8.finish();
  reader.finish();
  return rows;
}

// quoted separators, a quoted line break, doubled quotes, CRLF, and characters of two, three and four bytes
const text =
  'case,activity,note\r\nC1,"Réclamation, reçue","say ""hi"""\r\nC2,"two\nlines",€ 5\nC3,😀 smile,last\n';

describe('readRange (a file read into two reused buffers)', () => {
  it('given chunks of every small size, then the bytes are the file’s and each chunk keeps its bytes until the second after it is read', async () => {
    const bytes = new TextEncoder().encode(text);
    const path = written(bytes);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Uint8Array[] = [];
      const copies: Uint8Array[] = [];
      for await (const chunk of readRange(path, 3, bytes.length, size)) {
        // the chunk before this one is still intact
        if (chunks.length > 0) expect(Uint8Array.from(chunks.at(-1) ?? [])).toEqual(copies.at(-1));
        chunks.push(chunk);
        copies.push(Uint8Array.from(chunk));
      }
      expect(new Uint8Array(Buffer.concat(copies))).toEqual(bytes.subarray(3));
    }
  });

  it('given records and characters cut across chunks and across ranges, then the reader sees the same records as from one buffer', async () => {
    const bytes = new TextEncoder().encode(text);
    const path = written(bytes);
    const whole = await records(path, [[0, bytes.length]], 1 << 20);
    expect(whole).toEqual([
      ['case', 'activity', 'note'],
      ['C1', 'Réclamation, reçue', 'say "hi"'],
      ['C2', 'two\nlines', '€ 5'],
      ['C3', '😀 smile', 'last'],
    ]);
    for (const size of [1, 2, 3, 4, 5, 9])
      for (const cut of [25, 26, 60, 61, 62]) {
        // a range ending inside a character (byte 61 is inside the emoji's four bytes for some cuts)
        expect(
          await records(
            path,
            [
              [0, cut],
              [cut, bytes.length],
            ],
            size,
          ),
        ).toEqual(whole);
      }
  });

  it('given a byte that is not UTF-8 at a chunk’s edge, then the check still finds it', async () => {
    const bytes = new TextEncoder().encode('a,b\nx,y\n');
    const bad = new Uint8Array([...bytes.subarray(0, 5), 0xe2, 0x28, ...bytes.subarray(5)]);
    const path = written(bad);
    for (const size of [1, 2, 5, 6])
      await expect(records(path, [[0, bad.length]], size)).rejects.toThrow(/not UTF-8/);
  });
});

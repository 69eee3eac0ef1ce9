import { describe, expect, it } from 'vitest';
import { seeded, utf8 } from '../testing/fixtures';
import { CsvError, CsvReader } from './csv-reader';

function read(text: string, chunk: number, delimiter = ','): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const dec = new TextDecoder();
  const reader: CsvReader = new CsvReader({ delimiter: delimiter.charCodeAt(0), quote: 34 }, (rec) => {
    const row: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      row.push(dec.decode(v.bytes.subarray(v.start, v.end)));
    }
    rows.push(row);
    lines.push(rec.line);
  });
  const bytes = utf8(text);
  for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk));
  reader.finish();
  return { rows, lines };
}

const tricky = 'a,b,c\r\n"x, with comma","say ""hi""",\r\n\n"multi\nline",2,3\nlast,row,"no newline"';

describe('CsvReader', () => {
  it('given quotes, doubled quotes, CRLF, blank lines and a quoted line break, when read whole, then fields and line numbers are right', () => {
    const { rows, lines } = read(tricky, 1 << 20);
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, with comma', 'say "hi"', ''],
      ['multi\nline', '2', '3'],
      ['last', 'row', 'no newline'],
    ]);
    expect(lines).toEqual([1, 2, 4, 6]);
  });

  it('given the same text cut into chunks of every size, when read, then the records never change', () => {
    const whole = read(tricky, 1 << 20);
    for (let size = 1; size <= tricky.length; size++) expect(read(tricky, size)).toEqual(whole);
  });

  it('given unquoted fields of every length and bytes next to the delimiter, LF and CR, when read in chunks, then every field ends where a plain split says', () => {
    // Fields are scanned four bytes at a time: a stop in any of a word's bytes, a field ending in the last
    // three bytes of a chunk, a chunk starting at any offset, and neighbouring byte values (+ - for a comma,
    // tab and VT beside LF, FF and SO beside CR, UTF-8 bytes above 0x7f) must not move a field's end.
    const rnd = seeded(15);
    const alphabet = [
      'a',
      'Z',
      '0',
      '+',
      '-',
      '\t',
      '\v',
      '\f',
      '\x0e',
      ':',
      '<',
      '{',
      '}',
      'é',
      '£',
      '€',
      ' ',
    ];
    for (const delimiter of [',', ';', '\t', '|']) {
      for (const crlf of [false, true]) {
        const lines: string[] = [];
        for (let r = 0; r < 300; r++) {
          const fields: string[] = [];
          const width = 1 + Math.floor(rnd() * 7);
          for (let f = 0; f < width; f++) {
            let v = '';
            const len = Math.floor(rnd() * 14);
            for (let k = 0; k < len; k++) v += alphabet[Math.floor(rnd() * alphabet.length)];
            fields.push(v.replaceAll(delimiter, 'x'));
          }
          lines.push(fields.join(delimiter));
        }
        const text = lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        const expected = lines.filter((l) => l !== '').map((l) => l.split(delimiter));
        for (const chunk of [1 << 20, 5, 61, 64, 333])
          expect(read(text, chunk, delimiter).rows, `${JSON.stringify(delimiter)} ${crlf} ${chunk}`).toEqual(
            expected,
          );
      }
    }
  });

  it('given a quote that never closes, when the input ends, then the error names the line and what was expected', () => {
    expect(() => read('a,b\n1,2\n3,"open\n4,5\n', 4)).toThrowError(CsvError);
    expect(() => read('a,b\n1,2\n3,"open\n4,5\n', 4)).toThrow(
      /line 3: field 2 opens a quote that is never closed \(expected a closing "/,
    );
  });

  it('given an unclosed quote in a long file, when it passes the record limit, then it stops early instead of holding the file', () => {
    const reader = new CsvReader({ delimiter: 44, quote: 34 }, () => undefined, 1024);
    reader.push(utf8('a,b\n1,"runaway\n'));
    expect(() => {
      for (let i = 0; i < 100; i++) reader.push(utf8('x'.repeat(100)));
    }).toThrow(/line 2: a record runs past/);
  });

  it('given a semicolon dialect, when read, then commas stay inside fields', () => {
    expect(read('a;b\n1,5;2\n', 3, ';').rows).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });
});

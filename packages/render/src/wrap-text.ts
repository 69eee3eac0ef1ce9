import { textWidth, type FontWeight } from './text-width';

/**
 * Splits `text` into lines no wider than `maxWidth` at `fontSize`, breaking at spaces and, for a word longer
 * than a line, inside the word. Existing line breaks are kept. Nothing is dropped: the caller grows the box.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = 'normal',
): string[] {
  const fits = (s: string) => textWidth(s, fontSize, weight) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // A word wider than a line: break after a hyphen or slash where one fits, else between characters.
      for (const part of word.split(/(?<=[-/])/)) {
        if (line !== '' && !fits(line + part)) {
          lines.push(line);
          line = '';
        }
        if (fits(line + part)) {
          line += part;
          continue;
        }
        for (const ch of part) {
          if (line !== '' && !fits(line + ch)) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

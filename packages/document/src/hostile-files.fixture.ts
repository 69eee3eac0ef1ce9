import { decodeJourneyBytes } from './decode-bytes';
import type { LocatedProblem } from './located-problem';
import { readJourneyText } from './read-journey';

/**
 * Journey files that are wrong in the ways an outside attacker tried (issue 9), with the verdict the one
 * reading path gives them. The API's import route and the CLI's commands are tested against this same table,
 * so they cannot drift apart: both must accept a file the table accepts, and name the same problem otherwise.
 */
export interface HostileJourneyFile {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The first problem, or null when the file is a journey. */
  readonly expected: LocatedProblem | null;
}

/** A small valid journey file with this title (line 4), for hostile variations. */
export const journeyYaml = (title: string, id = 'hostile'): string => `schemaVersion: 2
id: ${id}
meta:
  title: ${title}
  journeyType: current
columns:
  - id: c1
    label: Rings
lanes: []
cards: []
`;
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff;
    out[(bom ? 3 : 1) + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The verdict of the one reading path: decode by the rule, then read the journey. */
export function verdictOf(bytes: Uint8Array, fileName: string): LocatedProblem | null {
  const text = decodeJourneyBytes(bytes);
  if (!text.ok) return text.error;
  const read = readJourneyText(text.value, { fileName });
  return read.ok ? null : read.error[0]!;
}

const files: readonly Omit<HostileJourneyFile, 'expected'>[] = [
  { name: 'valid UTF-8', fileName: 'ok.yaml', bytes: utf8(journeyYaml('Reporting ASB')) },
  {
    name: 'UTF-8 with a byte-order mark',
    fileName: 'bom.yaml',
    bytes: utf8(`\uFEFF${journeyYaml('Café', 'bom')}`),
  },
  {
    name: 'UTF-16 with a byte-order mark',
    fileName: 'utf16.yaml',
    bytes: utf16(journeyYaml('Café £5', 'utf16'), true),
  },
  {
    name: 'UTF-16 without a byte-order mark',
    fileName: 'utf16-nobom.yaml',
    bytes: utf16(journeyYaml('Café'), false),
  },
  { name: 'Windows-1252', fileName: 'cp1252.yaml', bytes: latin1(journeyYaml('Café £5')) },
  {
    name: 'binary garbage',
    fileName: 'garbage.yaml',
    bytes: Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256),
  },
  {
    name: 'a control character in the title',
    fileName: 'control.yaml',
    bytes: utf8(journeyYaml('Ring\u0007 back')),
  },
  {
    name: 'an escaped NUL in JSON',
    fileName: 'nul.json',
    bytes: utf8(
      '{"schemaVersion": 2, "id": "h",\n "meta": {"title": "a\\u0000b", "journeyType": "current"}}',
    ),
  },
  {
    name: 'a duplicate key',
    fileName: 'dup.yaml',
    bytes: utf8(journeyYaml('A').replace('  journeyType', '  title: B\n  journeyType')),
  },
  {
    name: 'an alias bomb',
    fileName: 'bomb.yaml',
    bytes: utf8(
      `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
    ),
  },
  { name: 'an empty file', fileName: 'empty.yaml', bytes: new Uint8Array(0) },
];

export const hostileJourneyFiles: readonly HostileJourneyFile[] = files.map((f) => ({
  ...f,
  expected: verdictOf(f.bytes, f.fileName),
}));

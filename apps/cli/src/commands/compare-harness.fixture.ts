import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseCommand } from './analyse';
import { compareCommand } from './compare';

/** A journey of one touchpoint card on one channel: the smallest a comparison can cost. */
export const oneCardJourney = (id: string, type: string, channel: string) => `schemaVersion: 2
id: ${id}
meta: { title: ${id}, journeyType: ${type} }
columns: [{ id: report, label: Reports }]
lanes: [{ id: tp, kind: touchpoint, label: Touchpoints }]
cards: [{ id: a, kind: touchpoint, laneId: tp, columnId: report, text: Contact, channel: ${channel} }]
`;

/**
 * A temporary folder holding `now.yaml` (current, by telephone), `then.yaml` (desired, on the web) and `files`, in
 * which `compare` (of those two journeys, then the options), `compareAlone` and `analyse` run as the CLI runs them,
 * with what they print kept.
 */
export function compareHarness(
  prefix: string,
  files: Readonly<Record<string, string | Uint8Array>> = {},
  env: Readonly<Record<string, string>> = {},
) {
  const cwd = mkdtempSync(join(tmpdir(), prefix));
  let out = '';
  let err = '';
  const ctx = {
    cwd,
    env: { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes', ...env },
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
  };
  const write = (name: string, text: string | Uint8Array) => writeFileSync(join(cwd, name), text);
  write('now.yaml', oneCardJourney('now', 'current', 'telephone'));
  write('then.yaml', oneCardJourney('then', 'desired', 'web'));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    cwd,
    write,
    compare: (...a: string[]) => compareCommand.run(['now.yaml', 'then.yaml', ...a], ctx),
    compareAlone: (...a: string[]) => compareCommand.run(a, ctx),
    analyse: (...a: string[]) => analyseCommand.run(a, ctx),
    out: () => out,
    err: () => err,
  };
}

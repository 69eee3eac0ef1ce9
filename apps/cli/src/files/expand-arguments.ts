import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Said } from '../usage-error';

export const isJourneyFileName = (f: string): boolean => /\.(ya?ml|json)$/i.test(f);

export interface ExpandedArguments {
  /** Journey files to read, as the user would write them (relative paths stay relative). */
  readonly files: readonly string[];
  /** Arguments that are not journey files, each with the reason. */
  readonly skipped: readonly string[];
  /** The same, one for each, as the catalogue says them (`commands.validate.skipped`). */
  readonly skippedSaid: readonly Said[];
}

/**
 * The files named on the command line: journey files as given (missing ones too, so they are reported),
 * folders as the journey files directly inside them (for shells that do not expand `*`), anything else skipped.
 * The skipped are in English for `validate --json` and by id and values for the catalogue to say.
 */
export async function expandArguments(cwd: string, args: readonly string[]): Promise<ExpandedArguments> {
  const files: string[] = [];
  const skipped: string[] = [];
  const skippedSaid: Said[] = [];
  const skip = (file: string, reason: 'emptyFolder' | 'noMatch' | 'notJourney', english: string) => {
    skipped.push(`${file} skipped: ${english}`);
    skippedSaid.push({ id: 'commands.validate.skipped', values: { file, reason } });
  };
  for (const arg of args) {
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const inside = (await readdir(resolve(cwd, arg))).filter(isJourneyFileName).sort();
      if (inside.length === 0) skip(arg, 'emptyFolder', 'a folder with no .yaml, .yml or .json files');
      files.push(...inside.map((name) => join(arg, name)));
    } else if (info === undefined && /[*?[]/.test(arg)) skip(arg, 'noMatch', 'no file matches this pattern');
    else if (info === undefined || isJourneyFileName(arg)) files.push(arg);
    else skip(arg, 'notJourney', 'not a .yaml, .yml or .json file');
  }
  return { files, skipped, skippedSaid };
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { journeyYaml, withTempDir } from '../run-cli.fixture';
import { readJourneyFile } from './read-journey-file';

describe('readJourneyFile', () => {
  it('given a folder, a missing file and a valid file, then io failures are told apart from the journey', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'folder.yaml'));
      await writeFile(join(dir, 'ok.yaml'), journeyYaml);
      const folder = await readJourneyFile(dir, 'folder.yaml');
      expect(folder.ok || folder.error).toMatchObject({
        exitCode: exitCodes.io,
        problems: [{ message: expect.stringMatching(/^is a folder/) }],
      });
      const missing = await readJourneyFile(dir, 'nope/missing.yaml');
      expect(missing.ok || missing.error.problems[0]!.message).toBe('no such file');
      const ok = await readJourneyFile(dir, 'ok.yaml');
      expect(ok.ok && ok.value.journey.cards.length).toBe(6);
    });
  });

  it('given a limit below the file size, then it is refused with both sizes', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'ok.yaml'), journeyYaml);
      const r = await readJourneyFile(dir, 'ok.yaml', 1024);
      expect(r.ok || r.error.problems[0]!.message).toBe(
        `file is ${(Buffer.byteLength(journeyYaml) / 1024).toFixed(1)} KB; the limit is 1.0 KB`,
      );
    });
  });
});

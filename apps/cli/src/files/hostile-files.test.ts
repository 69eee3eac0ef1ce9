import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostileJourneyFiles } from '@waymark/document';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { problemLines } from '../problem-words';
import { runCli, withTempDir } from '../run-cli.fixture';

/**
 * Issue 9, through the CLI: the same table of hostile journey files as the API's import test
 * (packages/api/src/hostile-files.test.ts), so the two give one verdict; and hostile logs for `analyse`, with
 * the words the API's upload answers with.
 */
const ctx = { stdout: () => {}, stderr: () => {}, cwd: '.' };

describe('hostile files through the CLI', () => {
  it.each(hostileJourneyFiles.map((f) => [f.name, f] as const))(
    'given a journey file (%s), when validated and rendered, then the verdict of the one reading path',
    async (_, f) => {
      await withTempDir(async (dir) => {
        await writeFile(join(dir, f.fileName), f.bytes);
        const validate = await runCli(['validate', f.fileName], dir);
        const render = await runCli(['render', f.fileName, '--format', 'mermaid'], dir);
        if (f.expected === null) {
          expect(validate.code, validate.stderr).toBe(exitCodes.ok);
          expect(render.code, render.stderr).toBe(exitCodes.ok);
          return;
        }
        // the reading path's verdict (its code, values, line and column) in the catalogue's words, not its English
        const [said] = await problemLines({ ...ctx, env: {} }, [f.expected], f.fileName);
        expect(said).not.toContain('no words for yet');
        expect(validate.code).toBe(exitCodes.invalid);
        expect(validate.stderr).toBe(`✗ ${f.fileName}\n${said}\n`);
        expect(render.code).toBe(exitCodes.invalid);
        expect(render.stderr).toBe(`✗ ${f.fileName}\n${said}\n`);
        expect(render.stderr).not.toContain(f.expected.message);
      });
    },
  );

  it('given event logs in the wrong encoding, with a control character or 100,000 columns, then analyse names the line and what is wrong', async () => {
    await withTempDir(async (dir) => {
      const cp1252 = Uint8Array.from('case,activity,timestamp\nA,Caf\u00e9,2026-01-05T09:00:00Z\n', (c) =>
        c.charCodeAt(0),
      );
      await writeFile(join(dir, 'cp1252.csv'), cp1252);
      await writeFile(
        join(dir, 'wide.csv'),
        `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`,
      );
      const a = await runCli(['analyse', 'cp1252.csv'], dir);
      expect(a.code).toBe(exitCodes.invalid);
      expect(a.stderr).toMatch(
        /(^|\n)waymark analyse: line 2, column 6: byte 30 of the file \(0xE9\) is not UTF-8 text, .*\. Save it as UTF-8 and try again\.\n$/,
      );
      // a settings file too: a Windows-1252 "é" in a --costs channel name is refused, not read as U+FFFD
      await writeFile(join(dir, 'ok.csv'), 'case,activity,timestamp\nA,Call,2026-01-05T09:00:00Z\n');
      await writeFile(
        join(dir, 'costs.json'),
        Uint8Array.from('{"T\u00e9l\u00e9phone": 2.5}', (c) => c.charCodeAt(0)),
      );
      const c = await runCli(['analyse', 'ok.csv', '--costs', 'costs.json'], dir);
      expect(c.code).toBe(exitCodes.invalid);
      expect(c.stderr).toMatch(
        /--costs: costs\.json is not UTF-8 text: line 1, column 4 holds a character saved in another encoding\. Save the file as UTF-8/,
      );
      const b = await runCli(['analyse', 'wide.csv'], dir);
      expect(b.code).toBe(exitCodes.invalid);
      expect(b.stderr).toMatch(
        /(^|\n)waymark analyse: line 1 \(the header\) has more than 4,096 columns, the most Waymark reads\. Check that the file is a CSV file with the right delimiter \(or choose it with --delimiter\)/,
      );
    });
  });
});

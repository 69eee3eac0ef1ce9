import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodes } from '../command';
import { runCli, withTempDir } from '../run-cli.fixture';

// The settings a command reads from the environment (the import limits, the pseudonym key), said from the
// catalogue in the language of WAYMARK_LANG or LANG, by the variable, the value given and what it must be.

const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const current = join(examples, 'melton-asb-victim-current.yaml');
const desired = join(examples, 'melton-asb-victim-desired.yaml');
const log = 'case,activity,timestamp\nC1,Visit,2026-01-01T09:00:00Z\nC1,Call,2026-01-01T10:00:00Z\n';
const key = { WAYMARK_PSEUDONYM_KEY: 'test-key-of-at-least-16-bytes' };

describe('an import limit set to something that is not a whole number', () => {
  it('given WAYMARK_MAX_EVENTS=lots, then analyse says what it must be and its default, in English and Welsh', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), log);
      const en = await runCli(['analyse', 'log.csv'], dir, { env: { ...key, WAYMARK_MAX_EVENTS: 'lots' } });
      expect(en.code).toBe(exitCodes.usage);
      expect(en.stderr).toBe(
        'waymark analyse: WAYMARK_MAX_EVENTS is “lots”, but it must be a whole number, 1 or more. Set it to such a number, or unset it to use the default, 20,000,000.\n' +
          "Run 'waymark analyse --help' for the options.\n",
      );
      const cy = await runCli(['analyse', 'log.csv'], dir, {
        env: { ...key, WAYMARK_LANG: 'cy', WAYMARK_EXPANDED_LIMIT_MB: '0' },
      });
      expect(cy.code).toBe(exitCodes.usage);
      expect(cy.stderr).toBe(
        'waymark analyse: “0” yw WAYMARK_EXPANDED_LIMIT_MB, ond rhaid iddo fod yn rif cyfan o fegabeitiau, 1 neu fwy. Gosodwch ef i rif o’r fath, neu dadosodwch ef i ddefnyddio’r rhagosodiad, 4,096.\n' +
          "Rhedwch 'waymark analyse --help' i weld yr opsiynau.\n",
      );
    }));

  it('given WAYMARK_EXPANSION_RATIO=-1 with compare --log, then the same words, naming the log option', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), log);
      const r = await runCli(['compare', current, desired, '--log', 'log.csv'], dir, {
        env: { WAYMARK_EXPANSION_RATIO: '-1' },
      });
      expect(r.code).toBe(exitCodes.invalid);
      expect(r.stderr).toBe(
        'waymark compare: --log log.csv: WAYMARK_EXPANSION_RATIO is “-1”, but it must be a whole number, 0 or more (0 turns the check off). Set it to such a number, or unset it to use the default, 100.\n',
      );
    }));
});

describe('the pseudonym key', () => {
  it('given a WAYMARK_PSEUDONYM_KEY shorter than 16 bytes, then it is refused in Welsh, never showing the key', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), log);
      const r = await runCli(['analyse', 'log.csv'], dir, {
        env: { WAYMARK_PSEUDONYM_KEY: 'short-secret', WAYMARK_LANG: 'cy' },
      });
      expect(r.code).toBe(exitCodes.usage);
      expect(r.stderr).toBe(
        'waymark analyse: Mae WAYMARK_PSEUDONYM_KEY yn rhy fyr: rhaid i allwedd ar gyfer ffugenwi cyfeirnodau achosion ac ymatebwyr arolygon fod yn 16 beit o leiaf (er enghraifft 16 o lythrennau a digidau). Rhowch werth hir ar hap iddo, fel un a wneir gan y gorchymyn openssl rand -hex 32, a chadwch y gwerth hwnnw ar gyfer rhediadau eraill fel bod yr un achos bob amser yn cael yr un ffugenw. Neu dadosodwch ef i ddefnyddio allwedd untro ar gyfer y rhediad hwn yn unig.\n' +
          "Rhedwch 'waymark analyse --help' i weld yr opsiynau.\n",
      );
      expect(r.stderr).not.toContain('short-secret');
    }));

  it('given a WAYMARK_PSEUDONYM_KEY shorter than 16 bytes with compare --survey, then it is refused in English', () =>
    withTempDir(async (dir) => {
      const r = await runCli(['compare', current, desired, '--survey', 'survey.csv'], dir, {
        env: { WAYMARK_PSEUDONYM_KEY: 'short-secret' },
      });
      expect(r.code).toBe(exitCodes.usage);
      expect(r.stderr.split('\n')[0]).toBe(
        'waymark compare: WAYMARK_PSEUDONYM_KEY is too short: a key for pseudonymising case ids and survey respondents must be at least 16 bytes (for example 16 letters and digits). Set it to a long random value, such as one made by the command openssl rand -hex 32, and keep that value for later runs so that the same case always gets the same pseudonym. Or unset it to use a one-off key for this run only.',
      );
      expect(r.stderr).not.toContain('short-secret');
    }));

  it('given no WAYMARK_PSEUDONYM_KEY, then analyse notes the one-off key in Welsh', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), log);
      const r = await runCli(['analyse', 'log.csv', '--format', 'json'], dir, {
        env: { LANG: 'cy_GB.UTF-8' },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        'Nid yw WAYMARK_PSEUDONYM_KEY wedi’i osod (neu mae’n wag), felly mae cyfeirnodau achosion yn cael eu ffugenwi ag allwedd untro',
      );
    }));
});

import { defaultImportLimits, importLimitsFromEnv } from '@waymark/analytics';
import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { readImportConfig } from './import-config';

describe('import settings from the environment', () => {
  it('given nothing set, then the documented defaults hold', () => {
    expect(readImportConfig({})).toEqual({
      importLimits: defaultImportLimits,
      importJobs: { concurrency: 1, memoryMb: 2048, abandonSeconds: 60, nice: 10 },
    });
  });

  it('given each variable, then it is read; given a bad value, then the server does not start and says which', () => {
    expect(
      readImportConfig({
        WAYMARK_EXPANDED_LIMIT_MB: '512',
        WAYMARK_EXPANSION_RATIO: '200',
        WAYMARK_MAX_EVENTS: '1000000',
        WAYMARK_IMPORT_JOBS: '2',
        WAYMARK_IMPORT_MEMORY_MB: '1024',
        WAYMARK_IMPORT_ABANDON_SECONDS: '120',
        WAYMARK_IMPORT_NICE: '0',
      }),
    ).toEqual({
      importLimits: {
        ...defaultImportLimits,
        expandedBytes: 512 * 1024 * 1024,
        expansionRatio: 200,
        maxEvents: 1_000_000,
      },
      importJobs: { concurrency: 2, memoryMb: 1024, abandonSeconds: 120, nice: 0 },
    });
    // each problem is a catalogue id and values; the English is what it always was, and there is Welsh
    const said = (env: Record<string, string>) => {
      const config = readConfig(env, '/');
      if (!('error' in config)) return null;
      const { id, values } = config.error;
      return { id, en: createTranslator('en').t(id, values), cy: createTranslator('cy').t(id, values) };
    };
    expect(said({ WAYMARK_IMPORT_MEMORY_MB: '10' })).toEqual({
      id: 'server.config.importWhole',
      en: 'WAYMARK_IMPORT_MEMORY_MB must be a whole number of megabytes (at least 64), not "10"',
      cy: 'rhaid i WAYMARK_IMPORT_MEMORY_MB fod yn nifer cyfan o fegabeitiau (o leiaf 64), nid "10"',
    });
    expect(said({ WAYMARK_IMPORT_JOBS: '0' })?.en).toBe(
      'WAYMARK_IMPORT_JOBS must be a whole number of imports (at least 1), not "0"',
    );
    expect(said({ WAYMARK_IMPORT_ABANDON_SECONDS: '1' })).toMatchObject({
      en: 'WAYMARK_IMPORT_ABANDON_SECONDS must be a whole number of seconds (at least 5), not "1"',
      cy: 'rhaid i WAYMARK_IMPORT_ABANDON_SECONDS fod yn nifer cyfan o eiliadau (o leiaf 5), nid "1"',
    });
    expect(said({ WAYMARK_IMPORT_NICE: '20' })).toEqual({
      id: 'server.config.importNice',
      en: 'WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "20"',
      cy: 'rhaid i WAYMARK_IMPORT_NICE fod yn nifer cyfan o 0 i 19, nid "20"',
    });
    expect(said({ WAYMARK_IMPORT_NICE: '-5' })?.en).toBe(
      'WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "-5"',
    );
    // the analytics package's limits carry a code and values: the same English as the package's own
    for (const env of [
      { WAYMARK_EXPANSION_RATIO: 'ten' },
      { WAYMARK_EXPANDED_LIMIT_MB: '0' },
      { WAYMARK_MAX_EVENTS: 'many' },
      { WAYMARK_MAX_CASE_EVENTS: '0' },
    ] as Record<string, string>[]) {
      const own = importLimitsFromEnv(env);
      expect(said(env)).toMatchObject({ id: 'server.config.importLimit', en: 'error' in own && own.error });
    }
    expect(said({ WAYMARK_EXPANSION_RATIO: 'ten' })).toMatchObject({
      en: 'WAYMARK_EXPANSION_RATIO must be a whole number, not "ten"',
      cy: 'rhaid i WAYMARK_EXPANSION_RATIO fod yn nifer cyfan, nid "ten"',
    });
    expect(said({ WAYMARK_MAX_EVENTS: 'many' })?.cy).toBe(
      'rhaid i WAYMARK_MAX_EVENTS fod yn nifer cyfan (o leiaf 1), nid "many"',
    );
  });
});

import { defaultImportLimits } from '@waymark/analytics';
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
    expect(readConfig({ WAYMARK_IMPORT_MEMORY_MB: '10' }, '/')).toEqual({
      error: {
        id: 'server.config.setting',
        values: {
          problem: 'WAYMARK_IMPORT_MEMORY_MB must be a whole number of megabytes (at least 64), not "10"',
        },
      },
    });
    expect(readConfig({ WAYMARK_IMPORT_NICE: '20' }, '/')).toEqual({
      error: {
        id: 'server.config.setting',
        values: { problem: 'WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "20"' },
      },
    });
    expect(readConfig({ WAYMARK_IMPORT_NICE: '-5' }, '/')).toEqual({
      error: {
        id: 'server.config.setting',
        values: { problem: 'WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "-5"' },
      },
    });
    // the analytics package's limits also carry a code and values (the CLI says them in its own words)
    expect(readConfig({ WAYMARK_EXPANSION_RATIO: 'ten' }, '/')).toMatchObject({
      error: {
        id: 'server.config.setting',
        values: { problem: 'WAYMARK_EXPANSION_RATIO must be a whole number, not "ten"' },
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { ImportJob } from './datasets-api';
import { importProgress } from './import-progress';

const job = (patch: Partial<ImportJob>): ImportJob => ({
  id: 'j1',
  state: 'running',
  phase: 'reading',
  name: 'Calls',
  fileName: 'calls.csv',
  bytesRead: 0,
  bytesTotal: 40 * 1024 * 1024,
  rows: null,
  events: null,
  queuePosition: null,
  datasetId: null,
  error: null,
  startedBy: 'u1',
  createdAt: '2026-12-03T10:00:00Z',
  updatedAt: '2026-12-03T10:00:00Z',
  ...patch,
});

describe('what the import step shows of a job', () => {
  it('given a file being read, then the bar follows every poll while the announcement changes only each quarter', () => {
    const at = (mb: number) => importProgress(job({ bytesRead: mb * 1024 * 1024 }));
    expect(at(6)).toEqual({
      percent: 15,
      text: 'Reading the file: 15% (6.0 MB of 40 MB)',
      announce: 'Reading the file.',
    });
    expect(at(9).announce).toBe('Reading the file.');
    expect(at(11).announce).toBe('Reading the file: 25% read.');
    expect(at(19).announce).toBe('Reading the file: 25% read.');
    expect(at(21).announce).toBe('Reading the file: 50% read.');
  });

  it('given the later phases and the ends, then each says what is happening in words', () => {
    expect(importProgress(job({ state: 'queued', phase: 'queued', queuePosition: 2 })).text).toBe(
      'Waiting for 2 other imports to finish first…',
    );
    expect(importProgress(job({ phase: 'analysing', rows: 120_500, events: 120_000 })).text).toBe(
      'File read: 120,000 events from 120,500 rows. Working out the figures…',
    );
    expect(importProgress(job({ phase: 'storing' })).announce).toBe('Saving the dataset.');
    expect(importProgress(job({ state: 'cancelled', phase: 'done' })).announce).toBe(
      'The import was cancelled.',
    );
  });
});

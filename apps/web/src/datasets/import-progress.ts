import type { ImportJob } from './datasets-api';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What the import step shows of a job: the bar's value (null = no measure yet), the text beside it (every
 * poll), and what is announced to screen readers — which changes only with the phase or at each quarter of
 * the file, so a polite live region is not read out on every tick.
 */
export function importProgress(job: ImportJob): { percent: number | null; text: string; announce: string } {
  const percent =
    job.bytesTotal > 0 ? Math.min(100, Math.floor((job.bytesRead / job.bytesTotal) * 100)) : null;
  switch (job.phase) {
    case 'queued':
      return {
        percent: null,
        text:
          job.queuePosition && job.queuePosition > 0
            ? `Waiting for ${job.queuePosition} other import${job.queuePosition === 1 ? '' : 's'} to finish first…`
            : 'Waiting for the server to start the import…',
        announce: 'Waiting to start the import.',
      };
    case 'reading': {
      const quarter = Math.floor((percent ?? 0) / 25) * 25;
      return {
        percent,
        text: `Reading the file: ${percent ?? 0}% (${mb(job.bytesRead)} of ${mb(job.bytesTotal)})`,
        announce: quarter > 0 ? `Reading the file: ${quarter}% read.` : 'Reading the file.',
      };
    }
    case 'analysing':
    case 'encoding':
      return {
        percent: 100,
        text: `File read: ${count(job.events ?? 0)} events from ${count(job.rows ?? 0)} rows. Working out the figures…`,
        announce: 'File read. Working out the figures.',
      };
    case 'storing':
      return { percent: 100, text: 'Saving the dataset…', announce: 'Saving the dataset.' };
    default:
      return {
        percent: job.state === 'succeeded' ? 100 : percent,
        text:
          job.state === 'succeeded'
            ? 'Imported.'
            : job.state === 'cancelled'
              ? 'The import was cancelled.'
              : 'The import failed.',
        announce:
          job.state === 'succeeded'
            ? 'Imported.'
            : job.state === 'cancelled'
              ? 'The import was cancelled.'
              : 'The import failed.',
      };
  }
}

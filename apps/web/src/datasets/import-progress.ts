import { formatNumber, t } from '../i18n';
import type { ImportJob } from './datasets-api';

/** A size in megabytes, one decimal under 10 MB: "6.0 MB", "40 MB". */
export function mb(bytes: number): string {
  const digits = bytes < 10 * 1024 * 1024 ? 1 : 0;
  return t('datasets.size.mb', {
    size: formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
}

const ended = (job: ImportJob) =>
  job.state === 'succeeded'
    ? t('datasets.import.done')
    : job.state === 'cancelled'
      ? t('datasets.import.cancelled')
      : t('datasets.import.failed');

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
            ? t('datasets.import.queued', { count: job.queuePosition })
            : t('datasets.import.waiting'),
        announce: t('datasets.import.waitingAnnounce'),
      };
    case 'reading': {
      const quarter = Math.floor((percent ?? 0) / 25) * 25;
      return {
        percent,
        text: t('datasets.import.reading', {
          percent: percent ?? 0,
          read: mb(job.bytesRead),
          total: mb(job.bytesTotal),
        }),
        announce:
          quarter > 0
            ? t('datasets.import.readingQuarter', { percent: quarter })
            : t('datasets.import.readingAnnounce'),
      };
    }
    case 'analysing':
    case 'encoding':
      return {
        percent: 100,
        text: t('datasets.import.analysing', { events: job.events ?? 0, rows: job.rows ?? 0 }),
        announce: t('datasets.import.analysingAnnounce'),
      };
    case 'storing':
      return {
        percent: 100,
        text: t('datasets.import.storing'),
        announce: t('datasets.import.storingAnnounce'),
      };
    default:
      return { percent: job.state === 'succeeded' ? 100 : percent, text: ended(job), announce: ended(job) };
  }
}

import type { ActivityCategory } from '@waymark/measure';
import { t, type MessageId } from '../i18n';

const ids: Record<ActivityCategory['classification'], MessageId> = {
  'value-added': 'improve.sampling.class.valueAdded',
  'necessary-non-value-added': 'improve.sampling.class.necessary',
  waste: 'improve.sampling.class.waste',
};

/** How an activity's value to the citizen is named. */
export const classLabel = (c: ActivityCategory['classification']): string => t(ids[c]);

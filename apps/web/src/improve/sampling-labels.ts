import type { ActivityCategory } from '@waymark/measure';

export const classLabel: Record<ActivityCategory['classification'], string> = {
  'value-added': 'Value-added',
  'necessary-non-value-added': 'Necessary, not value-added',
  waste: 'Waste',
};

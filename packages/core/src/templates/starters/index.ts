import {
  adultSocialCareStarter,
  disabledFacilitiesGrantStarter,
  housingRepairsStarter,
  schoolAdmissionsStarter,
} from './people-and-places';
import { antiSocialBehaviourStarter, councilTaxStarter, missedBinStarter } from './revenues-and-environment';
import type { StarterTemplate } from './starter';

export type { StarterTemplate, StarterStep } from './starter';

/** Starter templates for common council services, each written from the public guidance in its `source`. */
export const starterTemplates: readonly StarterTemplate[] = [
  councilTaxStarter,
  housingRepairsStarter,
  missedBinStarter,
  disabledFacilitiesGrantStarter,
  schoolAdmissionsStarter,
  adultSocialCareStarter,
  antiSocialBehaviourStarter,
];

export const findStarter = (id: string): StarterTemplate | undefined =>
  starterTemplates.find((s) => s.id === id);

export { starterIn, welshStarterWords } from './welsh';

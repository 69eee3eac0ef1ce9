import type { AccessibilitySettings, PrivacySettings } from './legal-api';

/** The pages before anyone fills them in (as the API answers them then): every detail a placeholder. */
const blank = { en: '', cy: '' };

export const defaultAccessibility: AccessibilitySettings = {
  organisationName: blank,
  contactEmail: '',
  contactPhone: '',
  responseDays: null,
  knownIssues: blank,
  preparedOn: '',
  reviewedOn: '',
};

export const defaultPrivacy: PrivacySettings = {
  controllerName: blank,
  controllerAddress: blank,
  controllerEmail: '',
  dpoName: '',
  dpoEmail: '',
  lawfulBasis: blank,
  recipients: blank,
  retention: blank,
  transfers: blank,
  reviewedOn: '',
};

import { z } from 'zod';
import { emailSchema } from '../routes/schemas';

/**
 * The organisation's own parts of the legal pages (issue 12, item 5): what an instance administrator fills in on
 * the accessibility statement and the privacy notice. The fixed words are in the `legal` namespace of the message
 * catalogue; these are the organisation's details, kept in the `settings` table under one key per page. Text a
 * person reads is kept in English and Welsh (either may be empty: the page then shows the other, marked with its
 * language, or a placeholder saying what is missing).
 */
const text = (field: string, max: number) =>
  z
    .string({ message: `${field}: expected text` })
    .trim()
    .max(max, { message: `${field}: expected at most ${max} characters` });

const bilingual = (field: string, max: number) =>
  z.strictObject({ en: text(`${field}.en`, max), cy: text(`${field}.cy`, max) });

const optionalEmail = (field: string) =>
  z.union([z.literal(''), emailSchema], {
    message: `${field}: expected an email address like name@example.org`,
  });

const optionalDate = (field: string) =>
  z.union([z.literal(''), z.iso.date()], { message: `${field}: expected a date like 2026-03-31` });

const phone = (field: string) =>
  text(field, 40).regex(/^[0-9 +()-]*$/, {
    message: `${field}: expected a telephone number (digits, spaces, + ( ) and -)`,
  });

export const accessibilitySettingsSchema = z.strictObject({
  organisationName: bilingual('organisationName', 200),
  contactEmail: optionalEmail('contactEmail'),
  contactPhone: phone('contactPhone'),
  /** How many working days a request for another format or a reported problem takes to answer; null: not set. */
  responseDays: z
    .number({ message: 'responseDays: expected a whole number of days' })
    .int({ message: 'responseDays: expected a whole number of days' })
    .min(1, { message: 'responseDays: expected 1 day or more' })
    .max(60, { message: 'responseDays: expected 60 days or fewer' })
    .nullable(),
  /** Problems the organisation knows of besides those the project's checks keep (docs/accessibility). */
  knownIssues: bilingual('knownIssues', 5000),
  preparedOn: optionalDate('preparedOn'),
  reviewedOn: optionalDate('reviewedOn'),
});
export type AccessibilitySettings = z.infer<typeof accessibilitySettingsSchema>;

export const privacySettingsSchema = z.strictObject({
  controllerName: bilingual('controllerName', 200),
  controllerAddress: bilingual('controllerAddress', 500),
  controllerEmail: optionalEmail('controllerEmail'),
  dpoName: text('dpoName', 200),
  dpoEmail: optionalEmail('dpoEmail'),
  /** The organisation's own words on purposes and lawful basis, added under the template's. */
  lawfulBasis: bilingual('lawfulBasis', 5000),
  recipients: bilingual('recipients', 5000),
  retention: bilingual('retention', 5000),
  transfers: bilingual('transfers', 5000),
  reviewedOn: optionalDate('reviewedOn'),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

const blank = { en: '', cy: '' };

export const defaultAccessibilitySettings: AccessibilitySettings = {
  organisationName: blank,
  contactEmail: '',
  contactPhone: '',
  responseDays: null,
  knownIssues: blank,
  preparedOn: '',
  reviewedOn: '',
};

export const defaultPrivacySettings: PrivacySettings = {
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

/** The pages, their setting keys, schemas and what they are before anyone fills them in. */
export const legalPages = {
  accessibility: {
    key: 'legal.accessibility',
    schema: accessibilitySettingsSchema,
    defaults: defaultAccessibilitySettings,
  },
  privacy: { key: 'legal.privacy', schema: privacySettingsSchema, defaults: defaultPrivacySettings },
} as const;
export type LegalPage = keyof typeof legalPages;

/** What is stored, with any field missing from an older value taken from the defaults. */
export interface StoredLegalSettings<T> {
  readonly settings: T;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

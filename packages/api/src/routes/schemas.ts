import { journeyIdSchema, journeyTypes } from '@waymark/core';
import { roles } from '@waymark/store';
import { z } from 'zod';

export const emailSchema = z.email({ message: 'expected an email address like name@example.org' }).max(320);
/** Only the length here; the whole rule (a deny-list, no name or email) is `checkNewPassword`. */
export const passwordSchema = z
  .string()
  .min(12, { message: 'expected a password of at least 12 characters' })
  .max(200, { message: 'expected a password of at most 200 characters' });
export const nameSchema = z.string().trim().min(1, { message: 'expected a name' }).max(200);
export const roleSchema = z.enum(roles);
export const journeyTypeSchema = z.enum(journeyTypes);
export const optionalJourneyId = journeyIdSchema.optional();

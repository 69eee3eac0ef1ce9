import { journeyIdSchema, journeyTypes } from '@waymark/core';
import { roles } from '@waymark/store';
import { z } from 'zod';

export const emailSchema = z.email({ message: 'expected an email address like name@example.org' }).max(320);
export const passwordSchema = z
  .string()
  .min(10, { message: 'expected a password of at least 10 characters' })
  .max(200, { message: 'expected a password of at most 200 characters' });
export const nameSchema = z.string().trim().min(1, { message: 'expected a name' }).max(200);
export const roleSchema = z.enum(roles);
export const journeyTypeSchema = z.enum(journeyTypes);
export const optionalJourneyId = journeyIdSchema.optional();

import { z } from 'zod';

/**
 * Ids are short, readable and stable (`reports-incident`), so hand-written YAML stays legible.
 * Each kind of id is branded: a StepId cannot be passed where a LaneId is expected.
 */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const id = () =>
  z.string().regex(idPattern, {
    message:
      'expected an id: letters, digits, "-", "_" or ".", at most 80 characters, starting with a letter or digit',
  });

export const journeyIdSchema = id().brand<'JourneyId'>();
export const stageIdSchema = id().brand<'StageId'>();
export const columnIdSchema = id().brand<'ColumnId'>();
export const laneIdSchema = id().brand<'LaneId'>();
export const cardIdSchema = id().brand<'CardId'>();
export const linkIdSchema = id().brand<'LinkId'>();
export const personaIdSchema = id().brand<'PersonaId'>();
export const organisationIdSchema = id().brand<'OrganisationId'>();
export const leverCategoryIdSchema = id().brand<'LeverCategoryId'>();
export const sourceIdSchema = id().brand<'SourceId'>();
export const ideaIdSchema = id().brand<'IdeaId'>();

export type JourneyId = z.infer<typeof journeyIdSchema>;
export type StageId = z.infer<typeof stageIdSchema>;
export type ColumnId = z.infer<typeof columnIdSchema>;
export type LaneId = z.infer<typeof laneIdSchema>;
export type CardId = z.infer<typeof cardIdSchema>;
export type LinkId = z.infer<typeof linkIdSchema>;
export type PersonaId = z.infer<typeof personaIdSchema>;
export type OrganisationId = z.infer<typeof organisationIdSchema>;
export type LeverCategoryId = z.infer<typeof leverCategoryIdSchema>;
export type SourceId = z.infer<typeof sourceIdSchema>;
export type IdeaId = z.infer<typeof ideaIdSchema>;

/** For code that mints ids (templates, the editor): the caller supplies the string, e.g. from its own generator. */
export const asId = <T extends string>(value: string): string & z.$brand<T> => value as string & z.$brand<T>;

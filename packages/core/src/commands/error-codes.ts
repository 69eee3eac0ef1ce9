import { refNames } from './card-refs';
import { collectionSpecs } from './collections';

/**
 * Every code a refused command can carry (CommandError.code), so the words people read for each can be checked
 * to exist (packages/i18n/src/error-codes.test.ts). A new `refuse(...)` code belongs here too.
 */
export const commandErrorCodes: readonly string[] = [
  'invalid_command',
  'invalid_patch',
  'duplicate_id',
  'duplicate_kind',
  'index_out_of_range',
  'nothing_to_undo',
  'nothing_to_redo',
  'card_kind_mismatch',
  'link_card_not_in_column',
  'stage_not_contiguous',
  'not_in_vote',
  'card_not_found',
  ...Object.values(collectionSpecs).map((s) => `${s.code}_not_found`),
  ...Object.values(refNames).map((r) => `${r.code}_in_use`),
];

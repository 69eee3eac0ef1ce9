import type { LaneKind } from '../journey/cards';

/** The lists a card field may point into. */
export type RefCollection = 'organisations' | 'personas' | 'leverCategories' | 'sources';

export interface CardRef {
  readonly field: string;
  readonly collection: RefCollection;
}

/** How a reference to each list is named in codes (`lever_category_not_found`) and sentences. */
export const refNames: Record<RefCollection, { readonly code: string; readonly label: string }> = {
  organisations: { code: 'organisation', label: 'organisation' },
  personas: { code: 'persona', label: 'persona' },
  leverCategories: { code: 'lever_category', label: 'lever category' },
  sources: { code: 'source', label: 'source' },
};

const sourceRef: CardRef = { field: 'sourceId', collection: 'sources' };
const personaRef: CardRef = { field: 'personaId', collection: 'personas' };

/**
 * The fields of each card kind that point at another list. A registry over LaneKind: a new kind fails to
 * compile until it says what it references, and the reducer never branches on a specific kind.
 */
export const cardRefs: Record<LaneKind, readonly CardRef[]> = {
  step: [sourceRef],
  touchpoint: [sourceRef],
  'baton-change': [
    sourceRef,
    { field: 'from', collection: 'organisations' },
    { field: 'to', collection: 'organisations' },
  ],
  feeling: [sourceRef, personaRef],
  emotion: [sourceRef, personaRef],
  'moment-of-truth': [sourceRef],
  'pain-point': [sourceRef],
  lever: [sourceRef, { field: 'category', collection: 'leverCategories' }],
  metric: [sourceRef],
  text: [sourceRef],
};

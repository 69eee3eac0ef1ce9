import { t, type MessageId } from '../i18n';
import type { LinkKind, OpportunityPriority, OpportunityStatus } from './hierarchy-api';

export const statusWords = (s: OpportunityStatus): string => t(`hierarchy.status.${s}` as MessageId);
export const priorityWords = (p: OpportunityPriority): string => t(`hierarchy.priority.${p}` as MessageId);
export const linkKindWords = (k: LinkKind): string => t(`hierarchy.linkKind.${k}` as MessageId);
/** A card's kind (pain-point, moment-of-truth…) in words: the model namespace's lane kinds. */
export const cardKindWords = (kind: string): string => t(`model.laneKind.${kind}` as MessageId);
/** Evidence the opportunity gathers, and what it leads to. */
export const evidenceKinds: readonly LinkKind[] = ['card', 'step', 'figure'];
export const outcomeKinds: readonly LinkKind[] = ['idea', 'business-case', 'indicator'];

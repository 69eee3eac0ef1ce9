import type { Card } from '../journey/cards';
import type { Journey, Link } from '../journey/schema';
import type { JourneyCommand } from './schema';

export interface Cascade {
  readonly journey: Journey;
  /** Commands that put back what was removed, in order and at the same positions. */
  readonly restore: JourneyCommand[];
}

type End = { readonly columnId: string; readonly cardId?: string | undefined };

/**
 * Removes the cards for which `gone` holds, the links with an end at a removed card or at `goneColumn`, and
 * ideas' references to removed cards. Nothing else changes.
 */
export function removeCards(j: Journey, gone: (card: Card) => boolean, goneColumn?: string): Cascade {
  const restore: JourneyCommand[] = [];
  const goneIds = new Set<string>();
  const cards: Card[] = [];
  j.cards.forEach((card, index) => {
    if (gone(card)) {
      goneIds.add(card.id);
      restore.push({ type: 'card.add', item: card, index });
    } else cards.push(card);
  });
  const dead = (end: End | undefined) =>
    end !== undefined &&
    (end.columnId === goneColumn || (end.cardId !== undefined && goneIds.has(end.cardId)));
  const linkGone = (l: Link) => dead(l.from) || (l.to.kind === 'column' && dead(l.to)) || dead(l.returnsTo);

  let links = j.links;
  if (j.links.some(linkGone)) {
    links = [];
    j.links.forEach((link, index) => {
      if (linkGone(link)) restore.push({ type: 'link.add', item: link, index });
      else links.push(link);
    });
  }

  let ideas = j.ideas;
  if (goneIds.size > 0) {
    ideas = j.ideas.map((idea) => {
      const patch: Record<string, string[]> = {};
      const next = { ...idea };
      for (const field of ['leverCardIds', 'painPointCardIds'] as const) {
        if (!idea[field].some((id) => goneIds.has(id))) continue;
        patch[field] = idea[field];
        next[field] = idea[field].filter((id) => !goneIds.has(id));
      }
      if (Object.keys(patch).length === 0) return idea;
      restore.push({ type: 'idea.update', id: idea.id, patch });
      return next;
    });
  }
  const journey = goneIds.size === 0 && links === j.links ? j : { ...j, cards, links, ideas };
  return { journey, restore };
}

/** One command, or a batch when there are several. */
export const oneCommand = (commands: JourneyCommand[]): JourneyCommand =>
  commands.length === 1 ? commands[0]! : { type: 'batch', commands };

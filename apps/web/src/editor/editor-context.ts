import { createContext, useContext } from 'react';
import type { Journey, JourneyCommand } from '@waymark/core';
import type { EditorComment } from './comments';

/** What every part of the editor needs: the journey, whether the user may edit, and the ways to change it. */
export interface EditorContextValue {
  readonly journey: Journey;
  readonly canEdit: boolean;
  readonly canComment: boolean;
  readonly execute: (command: JourneyCommand) => boolean;
  readonly newId: (prefix: string) => string;
  readonly selectCard: (cardId: string | null) => void;
  readonly selectedCardId: string | null;
  readonly openComments: (target: { columnId?: string; cardId?: string }) => void;
  readonly comments: readonly EditorComment[];
  /** A persona chosen for new scores in an emotion lane with several curves, by lane id. */
  readonly scorePersona: Readonly<Record<string, string>>;
  readonly setScorePersona: (laneId: string, personaId: string) => void;
  /** Opens a side panel, e.g. the structure panel at one step ('structure', columnId). */
  readonly openPanel: (panel: PanelKind, focusId?: string) => void;
}

export type PanelKind = 'card' | 'details' | 'structure' | 'links' | 'comments' | 'history' | 'connections';

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext outside the editor');
  return value;
}

/** Short unique ids for new items: readable prefix, time and randomness (ids must match core's idPattern). */
export function makeIdFactory(): (prefix: string) => string {
  let n = 0;
  const session = Math.random().toString(36).slice(2, 7);
  return (prefix) => `${prefix}-${Date.now().toString(36)}${session}${(n++).toString(36)}`;
}

import { useSyncExternalStore } from 'react';

/**
 * Fields on screen that hold words which were not saved (too long, or refused): the save status names them
 * ("Not saved: Title") instead of "All changes saved" while the screen shows text the map does not have. A
 * field adds itself when its text is refused and removes itself when the text is taken, put back (Escape) or
 * the field goes away.
 */
const fields = new Map<string, string>();
const listeners = new Set<() => void>();
let snapshot: readonly string[] = [];

function changed() {
  snapshot = [...new Set(fields.values())];
  for (const listener of listeners) listener();
}

export function markUnsaved(id: string, label: string): void {
  if (fields.get(id) === label) return;
  fields.set(id, label);
  changed();
}

export function clearUnsaved(id: string): void {
  if (fields.delete(id)) changed();
}

/** The labels of the fields holding unsaved words, each once. */
export const unsavedFields = (): readonly string[] => snapshot;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useUnsavedFields(): readonly string[] {
  return useSyncExternalStore(subscribe, unsavedFields, unsavedFields);
}

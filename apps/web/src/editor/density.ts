import { useCallback, useState } from 'react';

/** How tightly the map is drawn (decision 0022): row heights, paddings and type sizes; widths never change. */
export const densities = ['spacious', 'comfortable', 'compact'] as const;
export type Density = (typeof densities)[number];

// i18n-exempt: a storage key, not words for people
const storageKey = 'waymark.density';

export const isDensity = (value: unknown): value is Density =>
  typeof value === 'string' && (densities as readonly string[]).includes(value);

/** The density remembered in this browser, "comfortable" until one is chosen (or when storage is refused). */
export function savedDensity(): Density {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return isDensity(saved) ? saved : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

/** The map's density and a setter that remembers the choice in this browser for every map. */
export function useDensity(): [Density, (density: Density) => void] {
  const [density, setState] = useState<Density>(savedDensity);
  const set = useCallback((next: Density) => {
    setState(next);
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // Not remembered (private window, storage refused): the choice lasts while the page is open.
    }
  }, []);
  return [density, set];
}

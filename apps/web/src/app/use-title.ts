import { useEffect } from 'react';

/** Sets the document title (WCAG 2.4.2): the page first, then the app. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Waymark`;
  }, [title]);
}

import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * The Fullscreen API for one element, when the browser has it (`supported` false otherwise: the page still
 * works, filling the window). `active` follows the browser, so Esc or F11 leaving full screen is noticed.
 */
export function useFullscreen(target: RefObject<HTMLElement | null>) {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  useEffect(
    () => () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [],
  );
  const toggle = useCallback(async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await target.current?.requestFullscreen();
    } catch {
      // Refused (not from a click, or blocked by policy): the page stays as it is.
    }
  }, [target]);
  return { supported, active, toggle };
}

import type { Channel } from '@waymark/core';
import type { ReactElement } from 'react';
import './channel-icon.css';

/**
 * Line drawings of the contact channels on a 16 × 16 grid, stroked in currentColor. Drawn rather than taken
 * from core's emoji, which show as empty boxes where no emoji font is installed (Debian, locked-down
 * council laptops). Keyed by the registry's ids, so a channel added to core without a glyph fails to compile
 * (and channel-icon.test.tsx fails).
 */
export const channelGlyphs: Record<Channel, ReactElement> = {
  'face-to-face': (
    <>
      <circle cx="8" cy="4.75" r="2.75" />
      <path d="M2.5 14.5c0-3.2 2.4-5.5 5.5-5.5s5.5 2.3 5.5 5.5" />
    </>
  ),
  telephone: (
    <path d="M3.2 1.8h2.6l1.3 3.4-1.7 1.1a8.4 8.4 0 0 0 4.3 4.3l1.1-1.7 3.4 1.3v2.6a1.4 1.4 0 0 1-1.4 1.4A11.4 11.4 0 0 1 1.8 3.2a1.4 1.4 0 0 1 1.4-1.4z" />
  ),
  web: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <ellipse cx="8" cy="8" rx="2.75" ry="6.5" />
      <path d="M1.5 8h13" />
    </>
  ),
  email: (
    <>
      <rect x="1.5" y="3.25" width="13" height="9.5" rx="1" />
      <path d="m1.75 4 6.25 5 6.25-5" />
    </>
  ),
  letter: (
    <>
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M9.5 1.5v3h3M5.75 8h4.5M5.75 10.5h4.5M5.75 13h2.5" />
    </>
  ),
  app: (
    <>
      <rect x="4" y="1.25" width="8" height="13.5" rx="1.5" />
      <path d="M7 12h2" />
    </>
  ),
  sms: (
    <>
      <path d="M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 2.75V11.5h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" />
      <path d="M5 7h.01M8 7h.01M11 7h.01" strokeWidth="2" />
    </>
  ),
  'social-media': <path d="M6.5 1.75 4.75 14.25M11.25 1.75 9.5 14.25M2.5 5.5h11.25M2 10.5h11.25" />,
  'home-visit': (
    <>
      <path d="M1.5 7.75 8 2l6.5 5.75" />
      <path d="M3.25 6.5v8h9.5v-8M6.5 14.5V10h3v4.5" />
    </>
  ),
  'third-party': <path d="M2 5h11M10 2l3 3-3 3M14 11H3M6 8l-3 3 3 3" />,
};

/**
 * A channel's icon, hidden from assistive technology: wherever it is used the channel's label is shown
 * beside it in words, so the drawing is never the only carrier of the channel.
 */
export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg
      className="channel-icon"
      data-channel={channel}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {channelGlyphs[channel]}
    </svg>
  );
}

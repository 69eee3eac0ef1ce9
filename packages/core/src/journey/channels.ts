/** Contact channels (domain.md §2). A registry: labels and icons live here, never in branches elsewhere. */
export const channels = {
  'face-to-face': { label: 'Face to face', icon: '👤', digital: false },
  telephone: { label: 'Telephone', icon: '☎', digital: false },
  web: { label: 'Web', icon: '🌐', digital: true },
  email: { label: 'Email', icon: '✉', digital: true },
  letter: { label: 'Letter / post', icon: '📄', digital: false },
  app: { label: 'App', icon: '📱', digital: true },
  sms: { label: 'SMS', icon: '💬', digital: true },
  'social-media': { label: 'Social media', icon: '#', digital: true },
  'home-visit': { label: 'Home visit', icon: '🏠', digital: false },
  'third-party': { label: 'Third party', icon: '⇄', digital: false },
} as const satisfies Record<string, { label: string; icon: string; digital: boolean }>;

export type Channel = keyof typeof channels;
export const channelIds = Object.keys(channels) as [Channel, ...Channel[]];

export const directions = ['inbound', 'outbound', 'internal'] as const;
export type Direction = (typeof directions)[number];

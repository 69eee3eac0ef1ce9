export const documentFormats = ['yaml', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** By extension first (`.json`, `.yaml`, `.yml`), else by content: JSON starts with `{` or `[`. */
export function detectFormat(text: string, fileName?: string): DocumentFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

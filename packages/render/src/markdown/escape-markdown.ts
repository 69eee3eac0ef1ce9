/** Makes user text literal in Markdown: punctuation that starts markup is backslash-escaped, HTML made inert. */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`)
    .trim();

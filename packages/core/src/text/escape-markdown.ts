/**
 * Makes user text literal in Markdown (CommonMark and GitHub's): punctuation that starts markup is
 * backslash-escaped (so no link, image, emphasis, code, table cell or heading can be made, and `<` cannot open
 * HTML), `&` becomes `&amp;` (no entity), web addresses and e-mail addresses are broken so GitHub's autolinks
 * do not make them live links, and a list marker at the start is escaped (decision 0011).
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|#~!]/g, (ch) => `\\${ch}`)
    // GitHub autolinks: scheme://…, www.…, and user@host
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .trim()
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

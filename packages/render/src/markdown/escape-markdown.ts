/** The one Markdown escaper (in @waymark/core, shared with the Markdown reports of measure and analytics). */
export { escapeMarkdown } from '@waymark/core';

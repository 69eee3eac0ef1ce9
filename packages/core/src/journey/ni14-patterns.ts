/**
 * Activity names that NI14's rules read as avoidable contact (domain.md §4): progress chasing (PC) and
 * misdirected or transferred contact (MD). The log's avoidable-contact figure uses the same patterns, so a
 * suggestion here agrees with it. (A module of its own, free of the journey schema, so the event-log engine
 * can use them without loading zod: see `@waymark/core/text`.)
 */
export const ni14ActivityPatterns = {
  chasing: /chas|progress|status|follow.?up|where is/i,
  transfers: /transfer|misdirect|wrong (number|department|team)|redirect/i,
} as const;

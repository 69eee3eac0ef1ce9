import type { Journey } from '@waymark/core';

/**
 * The journey as pretty JSON (two spaces, newline at the end). Keys come out in the schema's order whatever
 * order the input had, because the journey is the parser's output; parseJourney reads it back unchanged.
 */
export const renderJson = (journey: Journey): string => `${JSON.stringify(journey, null, 2)}\n`;

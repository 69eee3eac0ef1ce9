import type { TokenScope } from '@waymark/store';
import { fail } from '../api-error';
import type { RouteScope } from '../route-spec';

const scopeWords: Record<TokenScope, string> = {
  read: 'read',
  'journeys:write': 'journeys:write (change journeys)',
  import: 'import (upload files and event logs)',
};

/** Refuses a token that lacks the route's scope; `session` routes refuse every token. */
export function checkScope(needed: RouteScope, held: readonly TokenScope[]): void {
  if (needed === 'session')
    throw fail(
      'forbidden',
      'API tokens cannot do this (accounts, members, tokens, share links and passwords): sign in to Waymark instead',
    );
  if (!held.includes(needed))
    throw fail(
      'insufficient_scope',
      `this API token does not have the ${scopeWords[needed]} scope; an owner can make a token that has it`,
    );
}

import { cliNamespaces } from '@waymark/i18n/cli';
import { describe, expect, it } from 'vitest';
import { serverSaid, type ApiAnswer } from './push-pull-client';

/** A refusal with the given error code, as the API answers (its English message is never said). */
const refusal = (code: string): ApiAnswer => ({
  status: 400,
  body: { error: { code, message: 'THE SERVER’S OWN ENGLISH', path: null } },
  text: '',
});

/** The catalogue's `commands.server.code.*` ids, each the words for one of the API's error codes. */
const codeIds = Object.keys(cliNamespaces.commands.en).filter((id) => id.startsWith('commands.server.code.'));

describe('serverSaid knows the error codes from the catalogue', () => {
  it('given each code the catalogue has words for (commands.server.code.<camelCase>), then those words', async () => {
    expect(codeIds.length).toBeGreaterThan(0);
    for (const id of codeIds) {
      const code = id.slice('commands.server.code.'.length).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const [head] = await serverSaid(refusal(code));
      expect(head?.id, code).toBe(id);
    }
  });

  it('given a code without words, or one spelt as the catalogue spells it rather than the API, then the status', async () => {
    for (const code of ['teapot', 'invalidToken', 'server_code', ''])
      expect((await serverSaid(refusal(code)))[0]).toMatchObject({
        id: 'commands.server.status',
        values: { status: 400, hasCode: code ? 'yes' : 'no', code },
      });
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPseudonymiser, pseudonymKeyBytes } from './pseudonymise';

describe('createPseudonymiser', () => {
  it('given one workspace key, then the same id always gets the same pseudonym, and it is the keyed HMAC-SHA256', () => {
    const p = createPseudonymiser('workspace-key-0123456789');
    expect(p('CRM-0001')).toBe(p('CRM-0001'));
    expect(p('CRM-0001')).toBe(
      `p_${createHmac('sha256', 'workspace-key-0123456789').update('CRM-0001').digest('hex').slice(0, 16)}`,
    );
    expect(p('CRM-0001')).not.toBe(p('CRM-0002'));
    expect(p('CRM-0001')).not.toContain('0001');
  });

  it('given another key, then pseudonyms differ (they cannot be joined across workspaces)', () => {
    expect(createPseudonymiser('workspace-key-AAAAAAAAAA')('X')).not.toBe(
      createPseudonymiser('workspace-key-BBBBBBBBBB')('X'),
    );
  });

  it('refuses a key shorter than 16 bytes', () => {
    expect(() => createPseudonymiser('short')).toThrow(/at least 16 bytes; got 5/);
    expect(() => createPseudonymiser('')).toThrow(/at least 16 bytes; got 0/);
    expect(() => createPseudonymiser(new Uint8Array(15))).toThrow(/at least 16 bytes; got 15/);
  });

  it('counts a text key in UTF-8 bytes, the bytes the HMAC is keyed with', () => {
    // eight ŵ are 8 characters but 16 bytes; seven ŵ and a y are 15 bytes
    expect(pseudonymKeyBytes('ŵŵŵŵŵŵŵŵ')).toBe(16);
    const p = createPseudonymiser('ŵŵŵŵŵŵŵŵ');
    expect(p('X')).toBe(`p_${createHmac('sha256', 'ŵŵŵŵŵŵŵŵ').update('X').digest('hex').slice(0, 16)}`);
    expect(() => createPseudonymiser('ŵŵŵŵŵŵŵy')).toThrow(/at least 16 bytes; got 15/);
    expect(pseudonymKeyBytes(new Uint8Array(32))).toBe(32);
  });
});

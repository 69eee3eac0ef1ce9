import { readSsoEnvironment } from '@waymark/api';
import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { readConfig, type ConfigProblem } from './config';

/** A problem as the operator reads it in English (main.ts says it after "Waymark cannot start: "). */
const english = (problem: ConfigProblem) => createTranslator('en').t(problem.id, problem.values);

/** The problem `readConfig` finds in this environment, with the English sentence said from it. */
function problemOf(env: Record<string, string>) {
  const config = readConfig(env, '/');
  if (!('error' in config)) throw new Error('expected a problem');
  return { ...config.error, english: english(config.error) };
}

describe('server configuration', () => {
  it('given no environment, then port 5170 on loopback with ./waymark-data', () => {
    const config = readConfig({}, '/srv/app');
    expect(
      'error' in config ? config.error : [config.port, config.host, config.dataDir, config.databaseUrl],
    ).toEqual([5170, '127.0.0.1', '/srv/app/waymark-data', null]);
  });
  it('given PORT, WAYMARK_DATA and DATABASE_URL, then they are used', () => {
    const config = readConfig(
      { PORT: '8080', WAYMARK_DATA: 'data', DATABASE_URL: 'postgres://u:p@h/db' },
      '/x',
    );
    expect('error' in config ? config.error : [config.port, config.dataDir, config.databaseUrl]).toEqual([
      8080,
      '/x/data',
      'postgres://u:p@h/db',
    ]);
  });
  it('given a bad PORT or DATABASE_URL, then the catalogue’s problem naming the variable', () => {
    expect(problemOf({ PORT: 'eighty' })).toEqual({
      id: 'server.config.port',
      values: { value: 'eighty' },
      english: 'PORT must be a port number from 1 to 65535, not "eighty"',
    });
    expect(problemOf({ PORT: '65536' })).toMatchObject({
      id: 'server.config.port',
      values: { value: '65536' },
    });
    expect(problemOf({ DATABASE_URL: 'mysql://x' })).toEqual({
      id: 'server.config.databaseUrl',
      values: {},
      english: 'DATABASE_URL must start with postgres:// (or leave it unset to use the embedded database)',
    });
  });
  it('given no keyring setting, then keys and uploads live in the data directory and uploads are limited to 1 GB; WAYMARK_KEYRING and WAYMARK_UPLOAD_LIMIT_MB change that', () => {
    const plain = readConfig({ WAYMARK_DATA: 'data' }, '/x');
    expect('error' in plain ? plain.error : [plain.keyringDir, plain.uploadDir, plain.uploadBytes]).toEqual([
      '/x/data/keyring',
      '/x/data/uploads',
      1024 * 1024 * 1024,
    ]);
    const set = readConfig({ WAYMARK_KEYRING: '/secrets/keys', WAYMARK_UPLOAD_LIMIT_MB: '300' }, '/x');
    expect('error' in set ? set.error : [set.keyringDir, set.uploadBytes]).toEqual([
      '/secrets/keys',
      300 * 1024 * 1024,
    ]);
    expect(problemOf({ WAYMARK_UPLOAD_LIMIT_MB: 'lots' })).toEqual({
      id: 'server.config.uploadLimit',
      values: { value: 'lots' },
      english: 'WAYMARK_UPLOAD_LIMIT_MB must be a whole number of megabytes (at least 1), not "lots"',
    });
  });
  it('given no WAYMARK_MIN_FREE_MB, then writes need 128 MB free; it can be set, and a wrong value is named', () => {
    const plain = readConfig({}, '/x');
    expect('error' in plain ? plain.error : plain.minFreeBytes).toBe(128 * 1024 * 1024);
    const set = readConfig({ WAYMARK_MIN_FREE_MB: '0' }, '/x');
    expect('error' in set ? set.error : set.minFreeBytes).toBe(0);
    expect(problemOf({ WAYMARK_MIN_FREE_MB: '-5' })).toEqual({
      id: 'server.config.minFree',
      values: { value: '-5' },
      english: 'WAYMARK_MIN_FREE_MB must be a whole number of megabytes (0 or more), not "-5"',
    });
  });
  it('given no WAYMARK_ONE_TIME_PASSWORD_DAYS, then one-time passwords work for 7 days; the variable changes it, within 1 to 90', () => {
    const plain = readConfig({}, '/x');
    expect('error' in plain ? plain.error : plain.oneTimePasswordDays).toBe(7);
    const set = readConfig({ WAYMARK_ONE_TIME_PASSWORD_DAYS: '2' }, '/x');
    expect('error' in set ? set.error : set.oneTimePasswordDays).toBe(2);
    expect(problemOf({ WAYMARK_ONE_TIME_PASSWORD_DAYS: '0' })).toEqual({
      id: 'server.config.oneTimePasswordDays',
      values: { value: '0' },
      english: 'WAYMARK_ONE_TIME_PASSWORD_DAYS must be a whole number of days from 1 to 90, not "0"',
    });
  });
  it('given a bad import limit, then it is a catalogue id and values, the English as it always was', () => {
    expect(problemOf({ WAYMARK_IMPORT_NICE: '20' })).toEqual({
      id: 'server.config.importNice',
      values: { value: '20' },
      english: 'WAYMARK_IMPORT_NICE must be a whole number from 0 to 19, not "20"',
    });
  });
  it('given a bad single sign-on setting, then it is a catalogue id and values, the English as api says it', () => {
    const cases: [Record<string, string>, string][] = [
      [{ WAYMARK_OIDC_ISSUER: 'https://id.example.org' }, 'server.config.ssoBothOrNeither'],
      [{ WAYMARK_OIDC_ISSUER: 'ftp://id', WAYMARK_OIDC_CLIENT_ID: 'c' }, 'server.config.ssoIssuer'],
      [{ WAYMARK_OIDC_ALLOWED_DOMAINS: 'a@b' }, 'server.config.ssoAllowedDomains'],
      [{ WAYMARK_OIDC_ACCOUNTS: 'everyone' }, 'server.config.ssoAccounts'],
    ];
    for (const [env, id] of cases) {
      const own = readSsoEnvironment(env);
      expect(problemOf(env)).toMatchObject({ id, english: 'error' in own && own.error });
    }
    expect(problemOf({ WAYMARK_OIDC_ISSUER: 'ftp://id', WAYMARK_OIDC_CLIENT_ID: 'c' })?.english).toBe(
      'WAYMARK_OIDC_ISSUER must be an https:// address (the provider\'s issuer), not "ftp://id"',
    );
    const accounts = readConfig({ WAYMARK_OIDC_ACCOUNTS: 'everyone' }, '/');
    expect('error' in accounts && createTranslator('cy').t(accounts.error.id, accounts.error.values)).toBe(
      'rhaid i WAYMARK_OIDC_ACCOUNTS fod yn just_in_time neu invitation, nid "everyone"',
    );
  });
  it('given a problem, then Welsh says it with the same values', () => {
    const config = readConfig({ PORT: 'eighty' }, '/');
    expect('error' in config && createTranslator('cy').t(config.error.id, config.error.values)).toBe(
      'rhaid i PORT fod yn rhif porth o 1 i 65535, nid "eighty"',
    );
  });
});

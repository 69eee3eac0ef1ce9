import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

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
  it('given a bad PORT or DATABASE_URL, then a message naming the variable', () => {
    expect(readConfig({ PORT: 'eighty' }, '/')).toEqual({
      error: 'PORT must be a port number from 1 to 65535, not "eighty"',
    });
    expect(
      'error' in readConfig({ DATABASE_URL: 'mysql://x' }, '/') &&
        readConfig({ DATABASE_URL: 'mysql://x' }, '/'),
    ).toMatchObject({
      error: expect.stringContaining('DATABASE_URL'),
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
    expect(readConfig({ WAYMARK_UPLOAD_LIMIT_MB: 'lots' }, '/')).toEqual({
      error: 'WAYMARK_UPLOAD_LIMIT_MB must be a whole number of megabytes (at least 1), not "lots"',
    });
  });
  it('given no WAYMARK_MIN_FREE_MB, then writes need 128 MB free; it can be set, and a wrong value is named', () => {
    const plain = readConfig({}, '/x');
    expect('error' in plain ? plain.error : plain.minFreeBytes).toBe(128 * 1024 * 1024);
    const set = readConfig({ WAYMARK_MIN_FREE_MB: '0' }, '/x');
    expect('error' in set ? set.error : set.minFreeBytes).toBe(0);
    expect(readConfig({ WAYMARK_MIN_FREE_MB: '-5' }, '/')).toEqual({
      error: 'WAYMARK_MIN_FREE_MB must be a whole number of megabytes (0 or more), not "-5"',
    });
  });
  it('given no WAYMARK_ONE_TIME_PASSWORD_DAYS, then one-time passwords work for 7 days; the variable changes it, within 1 to 90', () => {
    const plain = readConfig({}, '/x');
    expect('error' in plain ? plain.error : plain.oneTimePasswordDays).toBe(7);
    const set = readConfig({ WAYMARK_ONE_TIME_PASSWORD_DAYS: '2' }, '/x');
    expect('error' in set ? set.error : set.oneTimePasswordDays).toBe(2);
    expect(readConfig({ WAYMARK_ONE_TIME_PASSWORD_DAYS: '0' }, '/x')).toEqual({
      error: 'WAYMARK_ONE_TIME_PASSWORD_DAYS must be a whole number of days from 1 to 90, not "0"',
    });
  });
});

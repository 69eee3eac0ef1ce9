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
});

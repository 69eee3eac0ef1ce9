import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { databaseProblem, dataDirProblem, errorCode, listenProblem } from './start-up-causes';
import type { StartUpSaid } from './start-up-problem';

/** A library's error as Node and pg make them: English words and a code. */
const failed = (code: string | undefined, more: Record<string, unknown> = {}) =>
  Object.assign(new Error('English words of a library'), code === undefined ? {} : { code }, more);

const english = (said: StartUpSaid) => createTranslator('en').t(said.id, said.values);
const welsh = (said: StartUpSaid) => createTranslator('cy').t(said.id, said.values);

describe('why Waymark cannot listen', () => {
  it('given EACCES below port 1024, then ports below 1024 need privileges; at 1024 and above, the code', () => {
    expect(english(listenProblem(failed('EACCES'), '127.0.0.1', 443))).toBe(
      'port 443 is below 1024, and only an administrator may listen on such a port: set PORT to a port above 1024, such as 5170',
    );
    expect(english(listenProblem(failed('EACCES'), '127.0.0.1', 8080))).toBe(
      'cannot listen on 127.0.0.1:8080 (EACCES): check HOST and PORT',
    );
  });

  it('given a port in use, or a cause it has no words for, then the words it always had, or the address and code (IPv6 in brackets)', () => {
    expect(listenProblem(failed('EADDRINUSE'), '127.0.0.1', 5170)).toEqual({
      id: 'server.start.portInUse',
      values: { port: '5170' },
    });
    expect(welsh(listenProblem(failed('EMFILE'), '::1', 5170))).toBe(
      'ni ellir gwrando ar [::1]:5170 (EMFILE): gwiriwch HOST a PORT',
    );
    expect(english(listenProblem(new Error('no code'), '0.0.0.0', 5170))).toBe(
      'cannot listen on 0.0.0.0:5170: check HOST and PORT',
    );
  });
});

describe('why Waymark cannot open its database', () => {
  it('given an AggregateError (a host with several addresses), then the code of the errors it holds', () => {
    const refused = new AggregateError([failed('ECONNREFUSED', { address: '::1', port: 5432 })], '');
    expect(errorCode(refused)).toBe('ECONNREFUSED');
    expect(english(databaseProblem(refused, { databaseUrl: 'postgres://u:p@localhost/db' }))).toBe(
      'nothing is accepting connections at localhost:5432, the PostgreSQL server DATABASE_URL names: start PostgreSQL there, or correct the host and port in DATABASE_URL',
    );
  });

  it('given a wrong password or missing database, when DATABASE_URL leaves the user or database to the defaults, then it is not named; the password never is', () => {
    const noNames = { databaseUrl: 'postgres://db.example.org' };
    expect(english(databaseProblem(failed('28P01'), noNames))).toBe(
      'PostgreSQL refused the password: correct the user name and password in DATABASE_URL',
    );
    expect(english(databaseProblem(failed('3D000'), noNames))).toBe(
      'PostgreSQL has no database of the name DATABASE_URL gives: create it, or correct the database name at the end of DATABASE_URL',
    );
    const said = databaseProblem(failed('28P01'), { databaseUrl: 'postgres://ana%20b:s3cret@db/x' });
    expect(english(said)).toBe(
      'PostgreSQL refused the password for the user ana b: correct the user name and password in DATABASE_URL',
    );
    expect(JSON.stringify(said)).not.toContain('s3cret');
  });

  it('given a cause it has no words for, then PostgreSQL’s code (SQLSTATE), or nothing in its place when there is none', () => {
    const url = { databaseUrl: 'postgres://u:p@db/x' };
    expect(english(databaseProblem(failed('53300'), url))).toBe(
      'cannot open the PostgreSQL database DATABASE_URL names (53300): check DATABASE_URL, and that PostgreSQL is running',
    );
    expect(welsh(databaseProblem(failed(undefined), url))).toBe(
      'ni ellir agor y gronfa ddata PostgreSQL a enwir yn DATABASE_URL: gwiriwch DATABASE_URL, a bod PostgreSQL yn rhedeg',
    );
  });

  it('given the embedded database’s directory may not be written, is read-only, is on a full disk or fails otherwise, then each is said of that directory', () => {
    const pgdata = { pgdata: '/srv/waymark/pgdata' };
    expect(english(databaseProblem(failed('EACCES'), pgdata))).toBe(
      'Waymark may not write to /srv/waymark/pgdata: let the user it runs as write there, or set WAYMARK_DATA to a directory it may write to',
    );
    expect(databaseProblem(failed('EPERM'), pgdata).id).toBe('server.start.dataDir.denied');
    expect(databaseProblem(failed('EROFS'), pgdata).id).toBe('server.start.dataDir.readOnly');
    expect(welsh(databaseProblem(failed('ENOSPC'), pgdata))).toBe(
      'mae’r ddisg sy’n dal /srv/waymark/pgdata yn llawn: rhyddhewch rywfaint o le, neu gosodwch WAYMARK_DATA i gyfeiriadur ar ddisg arall',
    );
    expect(english(databaseProblem(failed('EIO'), pgdata))).toBe(
      'cannot open the embedded database in /srv/waymark/pgdata (EIO)',
    );
  });
});

it('given the lock file cannot be created for a reason other than the directory’s, then the file and the code, not the library’s words', () => {
  const said = dataDirProblem(failed('EMFILE'), '/srv/waymark', {
    id: 'server.lock.cannotCreate',
    values: { file: '/srv/waymark/waymark.lock', code: 'EMFILE' },
  });
  expect([english(said), welsh(said)]).toEqual([
    'cannot create the lock file /srv/waymark/waymark.lock (EMFILE)',
    'ni ellir creu’r ffeil clo /srv/waymark/waymark.lock (EMFILE)',
  ]);
});

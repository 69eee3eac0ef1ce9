import { join } from 'node:path';
import { openStores, type Stores } from '@waymark/store';
import type { StartUpSaid } from './start-up-problem';

/**
 * Why Waymark could not start, from the error a library threw, as the catalogue's id and values (`server.start.*`):
 * the common causes each have words saying what to do next; any other is named by its code, never by the
 * library's English.
 */

/** An error's code: Node's (`EACCES`), PostgreSQL's SQLSTATE (`28P01`), or the first an AggregateError holds. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner))
    for (const each of inner) {
      const found = errorCode(each);
      if (found) return found;
    }
  return null;
}

/** A string property of the error (or of the first error an AggregateError holds that has it). */
function detail(error: unknown, name: 'address' | 'hostname'): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const value = (error as Record<string, unknown>)[name];
  if (typeof value === 'string' && value !== '') return value;
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner))
    for (const each of inner) {
      const found = detail(each, name);
      if (found) return found;
    }
  return null;
}

/** `none` when the error has no code: the messages then say nothing in its place. */
const codeOf = (error: unknown) => errorCode(error) ?? 'none';

const hostAndPort = (host: string, port: number | string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;

/** Why the server could not listen on HOST:PORT. */
export function listenProblem(error: unknown, host: string, port: number): StartUpSaid {
  const code = codeOf(error);
  if (code === 'EADDRINUSE') return { id: 'server.start.portInUse', values: { port: String(port) } };
  // Below 1024 a port needs privileges (Linux's net.ipv4.ip_unprivileged_port_start, 1024 by default).
  if (code === 'EACCES' && port < 1024)
    return { id: 'server.start.portPrivileged', values: { port: String(port) } };
  if (code === 'EADDRNOTAVAIL') return { id: 'server.start.hostNotHere', values: { host } };
  return { id: 'server.start.cannotListen', values: { address: hostAndPort(host, port), code } };
}

/**
 * Why Waymark could not create or write to a directory of its data (`dir`), when it is one of the common causes
 * (not allowed, a read-only file system, a full disk); otherwise `otherwise`.
 */
export function dataDirProblem(error: unknown, dir: string, otherwise: StartUpSaid): StartUpSaid {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return { id: 'server.start.dataDir.denied', values: { dir } };
    case 'EROFS':
      return { id: 'server.start.dataDir.readOnly', values: { dir } };
    case 'ENOSPC':
      return { id: 'server.start.dataDir.full', values: { dir } };
    default:
      return otherwise;
  }
}

/** What DATABASE_URL names, as written (no password): empty where it leaves something to PostgreSQL's defaults. */
function named(databaseUrl: string) {
  try {
    const url = new URL(databaseUrl);
    return {
      user: decodeURIComponent(url.username),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
      host: url.hostname,
      port: url.port,
    };
  } catch {
    return { user: '', database: '', host: '', port: '' };
  }
}

/**
 * Why the database could not be opened: PostgreSQL's (DATABASE_URL) or the embedded one in `pgdata`. Says only
 * what DATABASE_URL names without its password.
 */
export function databaseProblem(
  error: unknown,
  location: { readonly databaseUrl: string } | { readonly pgdata: string },
): StartUpSaid {
  const code = codeOf(error);
  if ('pgdata' in location)
    return dataDirProblem(error, location.pgdata, {
      id: 'server.start.database.embedded',
      values: { dir: location.pgdata, code },
    });
  const url = named(location.databaseUrl);
  switch (code) {
    case 'ECONNREFUSED': {
      const host = url.host || detail(error, 'address') || 'localhost';
      return {
        id: 'server.start.database.refused',
        values: { address: hostAndPort(host, url.port || '5432') },
      };
    }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        id: 'server.start.database.hostUnknown',
        values: { host: detail(error, 'hostname') || url.host },
      };
    case '28P01': // invalid_password
      return {
        id: 'server.start.database.password',
        values: { named: url.user ? 'yes' : 'no', user: url.user },
      };
    case '3D000': // invalid_catalog_name: no such database
      return {
        id: 'server.start.database.missing',
        values: { named: url.database ? 'yes' : 'no', database: url.database },
      };
    default:
      return { id: 'server.start.database.other', values: { code } };
  }
}

/**
 * Opens the database Waymark's settings name (PostgreSQL at DATABASE_URL, else the embedded one in the data
 * directory's pgdata), or says why it could not be opened (`databaseProblem`), with the library's error as the cause.
 */
export async function openDatabase(config: {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
}): Promise<{ readonly stores: Stores } | { readonly problem: StartUpSaid; readonly cause: unknown }> {
  const pgdata = join(config.dataDir, 'pgdata');
  try {
    return {
      stores: await openStores(
        config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: pgdata },
      ),
    };
  } catch (cause) {
    return {
      problem: databaseProblem(cause, config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgdata }),
      cause,
    };
  }
}

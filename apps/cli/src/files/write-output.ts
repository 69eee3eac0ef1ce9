import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliContext } from '../command';
import type { Said } from '../usage-error';

export type WriteResult =
  { readonly ok: true; readonly path?: string } | { readonly ok: false; readonly said: Said };

/** Why a file could not be written, by the system's error code, for `commands.output.cannotWrite`. */
export function cannotWrite(file: string, e: unknown): Said {
  const code = (e as { code?: unknown } | null)?.code;
  const problem =
    code === 'EACCES' || code === 'EPERM'
      ? 'denied'
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? 'full'
        : code === 'EROFS'
          ? 'readOnly'
          : code === 'ENOTDIR' || code === 'ENOENT'
            ? 'noFolder'
            : 'other';
  const reason = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  return { id: 'commands.output.cannotWrite', values: { file, problem, reason } };
}

/**
 * Writes output to --out (creating its folders) or to stdout. An existing file is replaced only with `force`,
 * so a journey someone edited is not lost to a mistyped command. A problem is the catalogue's id and values.
 */
export async function writeOutput(
  ctx: CliContext,
  content: string | Uint8Array,
  out: string | undefined,
  force = false,
): Promise<WriteResult> {
  if (out === undefined || out === '-') {
    if (typeof content === 'string') ctx.stdout(content.endsWith('\n') ? content : `${content}\n`);
    else if (ctx.stdoutBytes) ctx.stdoutBytes(content);
    else return { ok: false, said: { id: 'commands.output.binary' } };
    return { ok: true };
  }
  const path = resolve(ctx.cwd, out);
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory())
      return { ok: false, said: { id: 'commands.output.isFolder', values: { file: out } } };
    if (existing && !force)
      return { ok: false, said: { id: 'commands.output.exists', values: { file: out } } };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, said: cannotWrite(out, e) };
  }
}

import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliContext } from '../command';

export type WriteResult =
  { readonly ok: true; readonly path?: string } | { readonly ok: false; readonly message: string };

/**
 * Writes output to --out (creating its folders) or to stdout. An existing file is replaced only with `force`,
 * so a journey someone edited is not lost to a mistyped command.
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
    else return { ok: false, message: 'this output is binary and cannot be printed here; use --out <file>' };
    return { ok: true };
  }
  const path = resolve(ctx.cwd, out);
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory())
      return { ok: false, message: `${out} is a folder; give a file name to write` };
    if (existing && !force) return { ok: false, message: `${out} already exists; use --force to replace it` };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return { ok: true, path };
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
    return { ok: false, message: `could not write ${out} (${code})` };
  }
}

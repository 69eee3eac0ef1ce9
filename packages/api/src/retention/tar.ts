/**
 * A tar archive (POSIX ustar) of small files, written without a library: Windows (tar, and File Explorer
 * since Windows 11), macOS and Linux open it as it is. Names longer than 100 bytes are split into the
 * header's prefix; a name that cannot fit (over 255 bytes) is refused, since the caller chooses them.
 */
export interface TarFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

const encoder = new TextEncoder();
const BLOCK = 512;

function field(header: Uint8Array, offset: number, length: number, value: string): void {
  header.set(encoder.encode(value).subarray(0, length), offset);
}
const octal = (n: number, length: number) => `${n.toString(8).padStart(length - 1, '0')}\0`;

function splitName(name: string): { prefix: string; name: string } {
  const bytes = encoder.encode(name);
  if (bytes.length <= 100) return { prefix: '', name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(rest).length <= 100)
      return { prefix, name: rest };
  }
  throw new Error(`tar: the name "${name}" is too long`);
}

function header(name: string, size: number, mtime: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const split = splitName(name);
  field(h, 0, 100, split.name);
  field(h, 100, 8, octal(0o644, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(mtime, 12));
  field(h, 148, 8, '        ');
  field(h, 156, 1, '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  field(h, 345, 155, split.prefix);
  const sum = h.reduce((a, b) => a + b, 0);
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** One file's header, bytes and padding, `mtime` in seconds since 1970. */
export function tarEntry(file: TarFile, mtime: number): Uint8Array[] {
  const bytes = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
  const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
  return [header(file.name, bytes.length, mtime), bytes, ...(pad > 0 ? [new Uint8Array(pad)] : [])];
}

/** What ends an archive: two empty blocks. */
export const tarEnd = (): Uint8Array => new Uint8Array(BLOCK * 2);

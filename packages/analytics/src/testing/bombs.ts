import { open } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * Writes a gzip file that expands to about `expandedBytes`: the header and then `row` over and over. It is
 * made of many copies of one small gzip member (a .gz may hold members one after another), so a 10 GB bomb
 * takes a moment and a few megabytes to make. For tests of the expansion limits; never stored in the repo.
 */
export async function writeGzipBomb(
  path: string,
  { header, row, expandedBytes }: { header: string; row: string; expandedBytes: number },
): Promise<{ compressedBytes: number; expandedBytes: number }> {
  const block = Buffer.from(row.repeat(Math.max(1, Math.floor((4 * 1024 * 1024) / row.length))));
  const member = gzipSync(block, { level: 9 });
  const fh = await open(path, 'w');
  let compressed = 0;
  let expanded = 0;
  try {
    const first = gzipSync(Buffer.from(header), { level: 9 });
    await fh.write(first);
    compressed += first.length;
    expanded += header.length;
    // many members per write, so a 10 GB bomb is a few hundred writes
    const batch = Buffer.concat(Array.from({ length: 64 }, () => member));
    while (expanded < expandedBytes) {
      const copies = Math.min(64, Math.ceil((expandedBytes - expanded) / block.length));
      const bytes = copies === 64 ? batch : batch.subarray(0, copies * member.length);
      await fh.write(bytes);
      compressed += bytes.length;
      expanded += copies * block.length;
    }
  } finally {
    await fh.close();
  }
  return { compressedBytes: compressed, expandedBytes: expanded };
}

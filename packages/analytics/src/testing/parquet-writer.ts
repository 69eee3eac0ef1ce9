/**
 * A minimal Parquet writer for test fixtures only: one row group, required UTF-8 string columns,
 * PLAIN encoding, no compression, Thrift compact protocol for the metadata (Parquet format 2).
 */
class Compact {
  bytes: number[] = [];
  private last: number[] = [0];
  varint(n: bigint | number): void {
    let v = BigInt(n);
    while (v >= 0x80n) {
      this.bytes.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }
  zigzag(n: number): void {
    const v = BigInt(n);
    this.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  }
  field(id: number, type: number): void {
    const delta = id - (this.last[this.last.length - 1] as number);
    if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
    else {
      this.bytes.push(type);
      this.zigzag(id);
    }
    this.last[this.last.length - 1] = id;
  }
  i32(id: number, v: number): void {
    this.field(id, 5);
    this.zigzag(v);
  }
  i64(id: number, v: number): void {
    this.field(id, 6);
    this.zigzag(v);
  }
  string(id: number, s: string): void {
    this.field(id, 8);
    this.binary(s);
  }
  binary(s: string): void {
    const b = new TextEncoder().encode(s);
    this.varint(b.length);
    this.bytes.push(...b);
  }
  list(id: number, elemType: number, size: number): void {
    this.field(id, 9);
    this.bytes.push(size < 15 ? (size << 4) | elemType : 0xf0 | elemType);
    if (size >= 15) this.varint(size);
  }
  struct(id: number | undefined, body: () => void): void {
    if (id !== undefined) this.field(id, 12);
    this.last.push(0);
    body();
    this.bytes.push(0);
    this.last.pop();
  }
}

export function writeParquet(columns: Record<string, readonly string[]>): Uint8Array {
  const names = Object.keys(columns);
  const rows = (columns[names[0] as string] ?? []).length;
  const out: number[] = [...new TextEncoder().encode('PAR1')];
  const chunks: { offset: number; size: number }[] = [];
  for (const name of names) {
    const data: number[] = [];
    for (const v of columns[name] as string[]) {
      const b = new TextEncoder().encode(v);
      data.push(b.length & 255, (b.length >> 8) & 255, (b.length >> 16) & 255, b.length >>> 24, ...b);
    }
    const header = new Compact();
    header.struct(undefined, () => {
      header.i32(1, 0); // DATA_PAGE
      header.i32(2, data.length);
      header.i32(3, data.length);
      header.struct(5, () => {
        header.i32(1, rows);
        header.i32(2, 0); // PLAIN
        header.i32(3, 3); // RLE
        header.i32(4, 3);
      });
    });
    chunks.push({ offset: out.length, size: header.bytes.length + data.length });
    out.push(...header.bytes, ...data);
  }
  const meta = new Compact();
  meta.struct(undefined, () => {
    meta.i32(1, 2);
    meta.list(2, 12, names.length + 1);
    meta.struct(undefined, () => {
      meta.string(4, 'schema');
      meta.i32(5, names.length);
    });
    for (const name of names) {
      meta.struct(undefined, () => {
        meta.i32(1, 6); // BYTE_ARRAY
        meta.i32(3, 0); // REQUIRED
        meta.string(4, name);
        meta.i32(6, 0); // UTF8
      });
    }
    meta.i64(3, rows);
    meta.list(4, 12, 1);
    meta.struct(undefined, () => {
      meta.list(1, 12, names.length);
      names.forEach((name, i) => {
        const c = chunks[i] as { offset: number; size: number };
        meta.struct(undefined, () => {
          meta.i64(2, c.offset);
          meta.struct(3, () => {
            meta.i32(1, 6);
            meta.list(2, 5, 1);
            meta.zigzag(0);
            meta.list(3, 8, 1);
            meta.binary(name);
            meta.i32(4, 0);
            meta.i64(5, rows);
            meta.i64(6, c.size);
            meta.i64(7, c.size);
            meta.i64(9, c.offset);
          });
        });
      });
      meta.i64(
        2,
        chunks.reduce((s, c) => s + c.size, 0),
      );
      meta.i64(3, rows);
    });
  });
  const len = meta.bytes.length;
  out.push(
    ...meta.bytes,
    len & 255,
    (len >> 8) & 255,
    (len >> 16) & 255,
    len >>> 24,
    ...new TextEncoder().encode('PAR1'),
  );
  return Uint8Array.from(out);
}

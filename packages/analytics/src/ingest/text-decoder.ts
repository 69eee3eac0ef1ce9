/** Decodes bytes to text; TextDecoder satisfies it. */
export interface BytesDecoder {
  decode(bytes: Uint8Array): string;
}

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads that label as Latin-1, which puts C1 controls there)
const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The decoder for an encoding name, with a correct Windows-1252. */
export function decoderFor(encoding: string): BytesDecoder {
  // ignoreBOM: a value that starts with U+FEFF keeps it (a decoder would drop it silently from each value)
  if (encoding !== 'windows-1252') return new TextDecoder(encoding, { ignoreBOM: true });
  return {
    decode(bytes) {
      let s = '';
      for (const b of bytes) s += b >= 0x80 && b < 0xa0 ? high[b - 0x80] : String.fromCharCode(b);
      return s;
    },
  };
}

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null;

const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/**
 * Guard against CSV formula injection: text starting with = + - @ (or tab or carriage return) gets a
 * leading single quote so spreadsheets show it as text. Plain numbers such as -50000.00 are left alone.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling any quotes inside. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV cells must be finite numbers; got ${cell}`);
    return String(cell);
  }
  return guardFormula(cell);
}

/** Rows to RFC 4180 CSV with CRLF line breaks and a final CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map((cell) => quoteField(cellText(cell))).join(',')).join('\r\n') + '\r\n';
}

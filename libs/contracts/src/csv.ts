/**
 * The one CSV writer of the product: the API's reports and the web's downloads all go through it.
 *
 * - RFC 4180 quoting: a cell holding a quote, comma, CR or LF is wrapped in quotes, inner quotes doubled;
 *   records end in CRLF.
 * - Formula injection: spreadsheet programs (Excel, WPS, LibreOffice) run a cell that starts with
 *   `=`, `+`, `-`, `@`, tab or CR as a formula, so such a cell gets a leading `'` (OWASP's advice). The
 *   program shows the text as typed; an org named `=HYPERLINK(...)` stays a name.
 * - `bom: true` prefixes a UTF-8 byte-order mark, so Excel on Windows reads Chinese text as UTF-8.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, escaped and quoted as needed. null and undefined are empty cells. */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first one usually the header) as CSV text, every record ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
  return (options.bom ? '\uFEFF' : '') + body;
}

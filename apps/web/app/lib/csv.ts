/**
 * CSV writing for downloads made on the web side. A cell starting with = + - @, a tab or a carriage
 * return would run as a formula when the file is opened in Excel or WPS, so it is prefixed with '
 * (the API's CSV writer does the same; this is the web's copy until both share one).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends (what Excel writes). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

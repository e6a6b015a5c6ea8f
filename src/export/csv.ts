/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Japanese correctly), CRLF,
 * every field quoted. A field starting with = + - @ is prefixed with ' so a spreadsheet
 * does not run it as a formula.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const field = (v: string | number | null | undefined): string => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

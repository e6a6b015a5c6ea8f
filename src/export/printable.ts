import { escapeHtml } from "../domain/text";

/**
 * A self-contained printable page (no scripts): a heading, a subtitle and one table.
 * Every value is escaped.
 */
export function printableTable(title: string, subtitle: string, header: string[], rows: string[][]): string {
  const th = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c).replace(/\n/g, "<br>")}</td>`).join("")}</tr>`).join("\n");
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"Yu Gothic","Meiryo","Noto Sans CJK JP",sans-serif;margin:24px;color:#000}
h1{font-size:18px}p{font-size:13px}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border:1px solid #333;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}
@media print{body{margin:0}@page{size:A4 landscape;margin:12mm}}
</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p>
<table><thead><tr>${th}</tr></thead><tbody>
${body}
</tbody></table></body></html>`;
}

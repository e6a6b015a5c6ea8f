import { escapeHtml } from "../domain/text";
import { toCsv } from "./csv";

/**
 * A city document as one table, in a form's layout where the guideline has one (別紙③) or
 * as a summary (庁内調査): the form's number, a title, the lines under it, the columns and
 * the rows, optionally in sections (one per partnership item). The same table goes out three
 * ways, for 決裁 and circulation: CSV, a workbook (formTableWorkbook.ts, with exceljs loaded
 * only then) and a printable page. The words are the city's own, in Japanese, as on paper.
 */

export type FormCell = string | number;

export interface FormSection {
  /** Printed as the section's heading, and written into `sectionColumn` of every row in the files. */
  heading: string;
  /** Printed after the heading (e.g. 「回答 2 / 4 部署」); not in the files. */
  note?: string;
  rows: FormCell[][];
}

export interface FormTable {
  /** Worksheet name (at most 31 characters). */
  sheet: string;
  /** The form's number as the guideline prints it above the title (「別紙③」), or "". */
  formLabel: string;
  title: string;
  /** Lines under the title: what, when, how many. */
  lines: string[];
  header: string[];
  /** Column widths in characters (Excel); the printed columns share the page in the same proportions. */
  widths: number[];
  sections: FormSection[];
  /** The files' first column holding each section's heading (e.g. 連携事項); none: one section, no such column. */
  sectionColumn?: { title: string; width: number };
}

/** The table as the files have it: one header row and every row, each section's heading in its own column. */
export function flatTable(t: FormTable): { header: string[]; widths: number[]; rows: FormCell[][] } {
  if (!t.sectionColumn) return { header: t.header, widths: t.widths, rows: t.sections.flatMap((s) => s.rows) };
  return {
    header: [t.sectionColumn.title, ...t.header],
    widths: [t.sectionColumn.width, ...t.widths],
    rows: t.sections.flatMap((s) => s.rows.map((r) => [s.heading, ...r])),
  };
}

/** CSV for Excel (UTF-8 with BOM, CRLF, formulas neutralised, see csv.ts): the header row and the rows, no title. */
export function formTableCsv(t: FormTable): string {
  const f = flatTable(t);
  return toCsv(f.header, f.rows);
}

/** Characters a file name may not hold on Windows or SharePoint, replaced; length kept reasonable. */
export function safeFileName(name: string): string {
  return Array.from(name.replace(/[\\/:*?"<>|#%]/g, "_").replace(/\s+/g, "_"))
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? "_" : ch))
    .slice(0, 100)
    .join("");
}

const cellHtml = (v: FormCell): string => escapeHtml(String(v)).replace(/\r?\n/g, "<br>");

/**
 * A self-contained page for printing (no scripts, every value escaped): A4 landscape, the
 * form's number at the top right, the header repeated on each printed page, a row never
 * split across pages, the columns in the widths' proportions.
 */
export function formTableHtml(t: FormTable): string {
  const e = escapeHtml;
  const total = t.widths.reduce((a, b) => a + b, 0) || 1;
  const cols = t.widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join("");
  const th = t.header.map((h) => `<th scope="col">${e(h)}</th>`).join("");
  const table = (s: FormSection, caption: string): string =>
    `<table>
<caption>${e(caption)}</caption>
<colgroup>${cols}</colgroup>
<thead><tr>${th}</tr></thead>
<tbody>
${s.rows.map((r) => `<tr>${r.map((c, i) => `<td${i === 0 && typeof c === "number" ? ' class="num"' : ""}>${cellHtml(c)}</td>`).join("")}</tr>`).join("\n")}
</tbody>
</table>`;
  const body = t.sectionColumn
    ? t.sections
        .map(
          (s, i) => `<section aria-labelledby="s${i + 1}">
<h2 id="s${i + 1}">${e(s.heading)}${s.note ? ` <span class="note">${e(s.note)}</span>` : ""}</h2>
${table(s, s.heading)}
</section>`,
        )
        .join("\n")
    : t.sections.map((s) => table(s, t.title)).join("\n");
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<style>
body{font-family:"Yu Gothic","Meiryo","Noto Sans CJK JP",sans-serif;margin:24px;color:#000;background:#fff;font-size:12px;line-height:1.5}
.form{text-align:right;margin:0;font-size:13px}
h1{font-size:18px;margin:4px 0 8px}
h2{font-size:14px;margin:18px 0 4px;break-after:avoid}
.note{font-weight:400;font-size:12px;margin-left:8px}
.lines{margin:0 0 12px;font-size:13px}
.hint{margin:0 0 12px;padding:6px 10px;border:1px solid #8a8886;background:#f3f2f1;font-size:12px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{border:1px solid #333;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#e8e8e8;font-weight:700}
td.num{text-align:center}
thead{display:table-header-group}
tr{break-inside:avoid}
@media print{body{margin:0}.hint{display:none}@page{size:A4 landscape;margin:12mm}}
</style>
</head>
<body>
<main>
${t.formLabel ? `<p class="form">${e(t.formLabel)}</p>\n` : ""}<h1>${e(t.title)}</h1>
<p class="lines">${t.lines.map(e).join("<br>")}</p>
<p class="hint">ブラウザーの印刷（Ctrl+P）で印刷できます（A4 横）。この案内は印刷されません。</p>
${body}
</main>
</body>
</html>`;
}

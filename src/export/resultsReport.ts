import { formatEraFiscalYear } from "../domain/calendar";
import { escapeHtml } from "../domain/text";
import type { ResultReport } from "../domain/types";
import { countBy } from "../domain/totals";
import type { ExcelModule } from "./excel";
import { toCsv } from "./csv";

/**
 * The year's results (別紙④) as the city publishes them: a self-contained HTML page for
 * the website (no scripts, print-friendly, accessible tables), an Excel workbook in the
 * Form 4 layout (a summary sheet and one sheet per department) and CSV. The words are the
 * city's own, in Japanese, as published.
 */

export interface PublishedRow {
  department: string;
  section: string;
  rowNo: number;
  title: string;
  content: string;
  partner: string;
}

export function toPublishedRows(rows: ResultReport[]): PublishedRow[] {
  return rows
    .map((r) => ({ department: r.department?.title ?? "", section: r.sectionName, rowNo: r.rowNo, title: r.title, content: r.content, partner: r.partner?.title ?? "" }))
    .sort((a, b) => a.department.localeCompare(b.department, "ja") || a.rowNo - b.rowNo);
}

export const reportTitle = (fy: number): string => `${formatEraFiscalYear(fy)} 包括連携協定に基づく連携事業の実績`;

function byDepartment(rows: PublishedRow[]): Map<string, PublishedRow[]> {
  const m = new Map<string, PublishedRow[]>();
  for (const r of rows) m.set(r.department, [...(m.get(r.department) ?? []), r]);
  return m;
}

export function resultsHtml(fy: number, rows: PublishedRow[], publishedOn: string): string {
  const e = escapeHtml;
  const depts = byDepartment(rows);
  const partners = countBy(rows.map((r) => ({ p: { id: 0, title: r.partner } })), (x) => ({ id: hash(x.p.title), title: x.p.title }));
  let n = 0;
  const sections = [...depts.entries()]
    .map(([dept, rs]) => {
      n++;
      const body = rs.map((r) => `<tr><td class="no">${r.rowNo}</td><td>${e(r.title)}</td><td>${e(r.content).replace(/\r?\n/g, "<br>")}</td><td>${e(r.partner)}</td></tr>`).join("\n");
      return `<section aria-labelledby="d${n}">
<h2 id="d${n}">${e(dept)}</h2>
<table>
<caption>${e(dept)}の取組（${rs.length}件）</caption>
<thead><tr><th scope="col" class="no">NO</th><th scope="col">取組の件名</th><th scope="col">取組内容</th><th scope="col">連携企業名</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
    })
    .join("\n");
  const summary = partners.map((p) => `<tr><th scope="row">${e(p.label)}</th><td class="num">${p.count}</td></tr>`).join("\n");
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(reportTitle(fy))}</title>
<style>
body{font-family:"BIZ UDPGothic","Yu Gothic","Meiryo","Noto Sans CJK JP",sans-serif;line-height:1.7;color:#1a1a1a;background:#fff;margin:0 auto;max-width:60em;padding:1em}
h1{font-size:1.6em;border-bottom:3px solid #00589b;padding-bottom:.3em}
h2{font-size:1.25em;margin-top:2em;border-left:6px solid #00589b;padding-left:.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #595959;padding:.4em .6em;vertical-align:top;text-align:left}
thead th{background:#e8f0f8}
.no,.num{text-align:right;white-space:nowrap;width:4em}
.meta{color:#333}
@media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}tr{break-inside:avoid}a{color:#000}}
</style>
</head>
<body>
<header>
<h1>${e(reportTitle(fy))}</h1>
<p class="meta">${fy}年度（${e(formatEraFiscalYear(fy))}：${fy}年4月1日〜${fy + 1}年3月31日）の、包括連携協定を結んだ企業等と市の各課が取り組んだ連携事業です。掲載日：${e(publishedOn)}</p>
<p class="meta">合計 ${rows.length} 件（${depts.size} 部署・${partners.length} 企業等）</p>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">連携企業等ごとの件数</h2>
<table>
<caption>連携企業等ごとの取組の件数</caption>
<thead><tr><th scope="col">連携企業名</th><th scope="col" class="num">件数</th></tr></thead>
<tbody>
${summary}
</tbody>
</table>
</section>
${sections}
</main>
</body>
</html>
`;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], and unique. */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, "・").slice(0, 28) || "部署";
  let s = base;
  for (let i = 2; used.has(s); i++) s = `${base}(${i})`;
  used.add(s);
  return s;
}

export async function buildResultsWorkbook(excel: ExcelModule, fy: number, rows: PublishedRow[]): Promise<ArrayBuffer> {
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const used = new Set<string>(["集計"]);
  const summary = wb.addWorksheet("集計");
  summary.getCell("A1").value = reportTitle(fy);
  summary.getCell("A1").font = { bold: true, size: 14 };
  summary.getRow(3).values = ["部課", "件数"];
  summary.getRow(3).font = { bold: true };
  const depts = byDepartment(rows);
  [...depts.entries()].forEach(([d, rs], i) => (summary.getRow(4 + i).values = [d, rs.length]));
  summary.getRow(4 + depts.size).values = ["合計", rows.length];
  summary.getRow(4 + depts.size).font = { bold: true };
  summary.columns = [{ width: 32 }, { width: 10 }];
  for (const [dept, rs] of depts) {
    const ws = wb.addWorksheet(sheetName(dept, used), { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
    ws.getCell("A1").value = "別紙④";
    ws.getCell("A2").value = "実績報告";
    ws.getCell("A2").font = { bold: true, size: 14 };
    ws.getCell("A3").value = "部課";
    ws.getCell("B3").value = dept;
    ws.getCell("A4").value = "係";
    ws.getCell("B4").value = [...new Set(rs.map((r) => r.section).filter(Boolean))].join("、");
    ws.getRow(6).values = ["NO", "取組の件名", "取組内容", "連携企業名"];
    ws.getRow(6).font = { bold: true };
    rs.forEach((r, i) => {
      ws.getRow(7 + i).values = [r.rowNo, r.title, r.content, r.partner];
      ws.getCell(7 + i, 3).alignment = { wrapText: true, vertical: "top" };
    });
    ws.columns = [{ width: 6 }, { width: 32 }, { width: 70 }, { width: 28 }];
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export function resultsCsv(fy: number, rows: PublishedRow[]): string {
  return toCsv(["年度", "部課", "係", "NO", "取組の件名", "取組内容", "連携企業名"], rows.map((r) => [fy, r.department, r.section, r.rowNo, r.title, r.content, r.partner]));
}

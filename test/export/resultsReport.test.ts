import ExcelJS from "exceljs";
import { loadExcel } from "../../src/export/excel";
import { buildResultsWorkbook, reportTitle, resultsCsv, resultsHtml, sheetName, PublishedRow } from "../../src/export/resultsReport";

const rows: PublishedRow[] = [
  { department: "総務部 防災防犯課", section: "防災係", rowNo: 1, title: "防災訓練 <script>alert(1)</script>", content: "市民300名が参加\n備蓄品の展示", partner: "株式会社みらい電機" },
  { department: "総務部 防災防犯課", section: "防災係", rowNo: 2, title: "避難所電源", content: "<img src=x onerror=alert(1)>", partner: "O'Hara & Co." },
  { department: "子ども家庭部 子育て支援課", section: "", rowNo: 1, title: "親子料理教室", content: "地元野菜", partner: "株式会社みらい電機" },
];

test("the published page: era and Western year, no scripts, every user text escaped, well-formed", () => {
  const html = resultsHtml(2025, rows, "令和8年5月20日");
  expect(reportTitle(2025)).toBe("令和7年度 包括連携協定に基づく連携事業の実績");
  expect(html).toContain("<h1>令和7年度 包括連携協定に基づく連携事業の実績</h1>");
  expect(html).toContain("2025年度（令和7年度：2025年4月1日〜2026年3月31日）");
  expect(html).not.toMatch(/<script/i);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son\w+=|javascript:/i);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain("O&#39;Hara &amp; Co.");
  expect(html).toContain("市民300名が参加<br>備蓄品の展示");
  expect(html).toContain('<html lang="ja">');
  expect(html).toContain("@media print");
  // Well-formed: every element that is opened is closed, in order.
  const stack: string[] = [];
  const voids = new Set(["meta", "br", "link", "img", "hr", "input"]);
  for (const m of html.replace(/<!DOCTYPE[^>]*>|<style>[\s\S]*?<\/style>/gi, "").matchAll(/<(\/?)([a-z0-9]+)[^>]*>/gi)) {
    const tag = m[2].toLowerCase();
    if (voids.has(tag)) continue;
    if (m[1]) expect(stack.pop()).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
});

test("the workbook: a summary and one Form 4 sheet per department, re-read cell by cell", async () => {
  const buf = await buildResultsWorkbook(await loadExcel(), 2025, rows);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["集計", "総務部 防災防犯課", "子ども家庭部 子育て支援課"]);
  const sum = wb.getWorksheet("集計")!;
  expect(sum.getCell("A1").value).toBe("令和7年度 包括連携協定に基づく連携事業の実績");
  expect([sum.getCell("A4").value, sum.getCell("B4").value, sum.getCell("A6").value, sum.getCell("B6").value]).toEqual(["総務部 防災防犯課", 2, "合計", 3]);
  const ws = wb.getWorksheet("総務部 防災防犯課")!;
  expect(ws.getRow(6).values).toEqual([undefined, "NO", "取組の件名", "取組内容", "連携企業名"]);
  expect(ws.getRow(8).values).toEqual([undefined, 2, "避難所電源", "<img src=x onerror=alert(1)>", "O'Hara & Co."]);
  expect(ws.getCell("B4").value).toBe("防災係");
});

test("sheet names are legal and unique", () => {
  const used = new Set<string>();
  expect(sheetName("企画部/未来創造課[本庁]", used)).toBe("企画部・未来創造課・本庁・");
  expect(sheetName("あ".repeat(40), used)).toHaveLength(28);
  expect(sheetName("あ".repeat(40), used)).toBe(`${"あ".repeat(28)}(2)`);
});

test("CSV with a BOM", () => {
  expect(resultsCsv(2025, rows).startsWith('\uFEFF"年度","部課","係","NO"')).toBe(true);
});

import { asTextCell, type ExcelModule } from "./excel";

/** A table's cell: text, a number, a date (written as Excel's own date, not as text), or nothing (an empty cell). */
export type TableCell = string | number | Date | null;

/** How a date cell shows in Excel: 2026/11/24. The cell is a date number, so Excel sorts, filters and counts by it. */
export const DATE_FORMAT = "yyyy/mm/dd";

/** An ISO date (YYYY-MM-DD) as a date cell (null, an empty cell, when there is none). Midnight UTC: exceljs writes a Date as its UTC day. */
export function dateCell(iso: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * One table as a workbook for 決裁 and circulation: a title line, a subtitle, the header
 * row (bold, frozen) and the rows, with a cell starting = + - @ kept as text, dates as Excel
 * dates (yyyy/mm/dd) and text with line breaks (連携事項, one a line) wrapped.
 */
export async function buildTableWorkbook(excel: ExcelModule, sheet: string, title: string, subtitle: string, header: string[], rows: Array<Array<TableCell>>): Promise<ArrayBuffer> {
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const ws = wb.addWorksheet(sheet.slice(0, 31), { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 }, views: [{ state: "frozen", ySplit: 4 }] });
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = subtitle;
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = r.map((v) => (v instanceof Date || v === null ? v : asTextCell(v)));
    row.alignment = { vertical: "top", wrapText: true };
    r.forEach((v, c) => {
      if (v instanceof Date) row.getCell(c + 1).numFmt = DATE_FORMAT;
    });
  });
  // Width by the longest line (a multi-line cell is as wide as its longest line); a date is 10 characters.
  const width = (v: TableCell | undefined): number => (v instanceof Date ? 10 : Math.max(0, ...String(v ?? "").split("\n").map((l) => l.length)));
  ws.columns = header.map((h, c) => ({ width: Math.min(60, Math.max(10, h.length * 2 + 4, ...rows.map((r) => width(r[c]) * 1.2))) }));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

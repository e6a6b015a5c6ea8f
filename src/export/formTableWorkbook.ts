import type * as ExcelJS from "exceljs";
import { asTextCell, type ExcelModule } from "./excel";
import { flatTable, FormTable } from "./formTable";

/** Where the header row of a form table's sheet is: under the form's number, the title, its lines and a blank row. */
export const headerRowOf = (t: Pick<FormTable, "lines">): number => 3 + t.lines.length + 1;

const thin: Partial<ExcelJS.Borders> = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };

/**
 * A form table (formTable.ts) as a workbook, laid out like the printed form: the form's
 * number (A1), the title (A2), its lines, then the ruled table with a shaded header that is
 * frozen, filterable and repeated on every printed page (A4 landscape, one page wide). A
 * cell starting = + - @ stays text, so nothing runs as a formula. exceljs is passed in (see
 * excel.ts loadExcel): this module is imported only when someone exports.
 */
export async function buildFormTableWorkbook(excel: ExcelModule, t: FormTable): Promise<ArrayBuffer> {
  const f = flatTable(t);
  const head = headerRowOf(t);
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const ws = wb.addWorksheet(t.sheet.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${head}:${head}` },
    views: [{ state: "frozen", ySplit: head }],
  });
  ws.columns = f.widths.map((width) => ({ width }));
  ws.getCell("A1").value = t.formLabel;
  ws.getCell("A2").value = t.title;
  ws.getCell("A2").font = { bold: true, size: 14 };
  t.lines.forEach((line, i) => (ws.getCell(3 + i, 1).value = line));
  const header = ws.getRow(head);
  header.values = f.header;
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } };
    c.border = thin;
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  f.rows.forEach((r, i) => {
    const row = ws.getRow(head + 1 + i);
    row.values = r.map(asTextCell);
    for (let c = 1; c <= f.header.length; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      cell.alignment = { vertical: "top", wrapText: true, horizontal: typeof cell.value === "number" ? "center" : "left" };
    }
  });
  if (f.rows.length) ws.autoFilter = { from: { row: head, column: 1 }, to: { row: head + f.rows.length, column: f.header.length } };
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

import { asTextCell, type ExcelModule } from "./excel";

/**
 * One table as a workbook for 決裁 and circulation: a title line, a subtitle, the header
 * row (bold, frozen) and the rows, with a cell starting = + - @ kept as text.
 */
export async function buildTableWorkbook(excel: ExcelModule, sheet: string, title: string, subtitle: string, header: string[], rows: Array<Array<string | number>>): Promise<ArrayBuffer> {
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const ws = wb.addWorksheet(sheet.slice(0, 31), { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 }, views: [{ state: "frozen", ySplit: 4 }] });
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = subtitle;
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  rows.forEach((r, i) => {
    ws.getRow(5 + i).values = r.map(asTextCell);
    ws.getRow(5 + i).alignment = { vertical: "top", wrapText: true };
  });
  ws.columns = header.map((h, c) => ({ width: Math.min(60, Math.max(10, h.length * 2 + 4, ...rows.map((r) => String(r[c] ?? "").length * 1.2))) }));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

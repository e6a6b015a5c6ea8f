import ExcelJS from "exceljs";
import { buildTableWorkbook } from "../../src/export/tableWorkbook";

/** A list as a workbook for 決裁 and circulation (issue 18 item 5): title, header, rows; formulas never run. */

test("title, subtitle, a bold frozen header row and the rows as given; a cell that looks like a formula stays text", async () => {
  const buf = await buildTableWorkbook(ExcelJS, "包括連携協定 台帳", "包括連携協定 台帳", "令和8年11月24日現在・2 件", ["協定名", "企業等", "連携事項"], [["防災の協定", "=HYPERLINK(\"http://evil\")", 3], ["子育ての協定", "株式会社A", 1]]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const ws = wb.worksheets[0];
  expect(ws.name).toBe("包括連携協定 台帳");
  expect(ws.getCell("A1").value).toBe("包括連携協定 台帳");
  expect(ws.getCell("A2").value).toBe("令和8年11月24日現在・2 件");
  expect(ws.getRow(4).values).toEqual([undefined, "協定名", "企業等", "連携事項"]);
  expect(ws.getRow(4).font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  expect(ws.getCell("B5").value).toBe("'=HYPERLINK(\"http://evil\")");
  expect(ws.getCell("C5").value).toBe(3);
  expect(ws.getCell("A6").value).toBe("子育ての協定");
});

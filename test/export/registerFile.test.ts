import ExcelJS from "exceljs";
import { decodeText, parseCsv, readRegisterFile, tableFromRows } from "../../src/export/registerFile";
import { loadExcel } from "../../src/export/excel";

describe("reading a register file", () => {
  test("CSV: quoted commas, quotes and line breaks", () => {
    expect(parseCsv('協定先,連携事項\r\n"株式会社A, 東京","(1)防災\n(2)環境"\n"引用""付き",x')).toEqual([
      ["協定先", "連携事項"],
      ["株式会社A, 東京", "(1)防災\n(2)環境"],
      ['引用"付き', "x"],
    ]);
  });

  test("UTF-8 with BOM, and Shift_JIS as Japanese Excel saves CSV", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("協定先")]))).toBe("協定先");
    // 「協定先,締結日」 in Shift_JIS
    expect(decodeText(new Uint8Array([0x8b, 0xa6, 0x92, 0xe8, 0x90, 0xe6, 0x2c, 0x92, 0xf7, 0x8c, 0x8b, 0x93, 0xfa]))).toBe("協定先,締結日");
  });

  test("the heading row is found below a title line", () => {
    const t = tableFromRows([["包括連携協定一覧"], [], ["No.", "協定先", "協定名", "締結日"], [1, "株式会社A", "協定A", "令和6年4月1日"]]);
    expect(t.columns).toEqual({ partner: 1, title: 2, concluded: 3 });
    expect(t.firstRowNo).toBe(4);
    expect(t.rows).toEqual([[1, "株式会社A", "協定A", "令和6年4月1日"]]);
  });

  test("an .xlsx: date cells, formulas by their result; empty and non-workbook files refused", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("一覧");
    ws.addRow(["協定先", "協定名", "締結日"]);
    ws.addRow(["株式会社A", { formula: '"協定"&"A"', result: "協定A" }, new Date(Date.UTC(2024, 3, 22))]);
    const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const t = await readRegisterFile("一覧.xlsx", buf, loadExcel);
    expect(t.rows[0][1]).toBe("協定A");
    expect((t.rows[0][2] as Date).toISOString().slice(0, 10)).toBe("2024-04-22");
    await expect(readRegisterFile("x.xlsx", new ArrayBuffer(0), loadExcel)).rejects.toMatchObject({ code: "empty" });
    await expect(readRegisterFile("x.xlsx", new TextEncoder().encode("not a workbook").buffer as ArrayBuffer, loadExcel)).rejects.toMatchObject({ code: "notWorkbook" });
  });
});

import JSZip from "jszip";
import ExcelJS from "exceljs";
import { checkWorkbookZip, zipEntries } from "../../src/export/zipBounds";
import { MAX_IMPORT_ROWS, readWorkbook, WorkbookError } from "../../src/export/excel";
import { readRegisterFile } from "../../src/export/registerFile";

/** Hostile files are refused from the zip's own directory, before anything is inflated. */

const zip = async (files: Record<string, string>): Promise<Uint8Array> => {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

test("a normal workbook passes, and its parts are listed with their unpacked sizes", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台帳").addRow(["番号", "協定名"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(checkWorkbookZip(bytes)).toBeNull();
  expect(zipEntries(bytes)!.some((e) => e.name === "xl/worksheets/sheet1.xml")).toBe(true);
});

test("a zip bomb (small packed, huge unpacked) is refused without inflating it", async () => {
  const bomb = await zip({ "xl/worksheets/sheet1.xml": "0".repeat(3_000_000), "xl/sharedStrings.xml": "0".repeat(3_000_000) });
  expect(bomb.length).toBeLessThan(50_000);
  const t0 = Date.now();
  expect(checkWorkbookZip(bomb, { maxTotalBytes: 5_000_000, maxSheetBytes: 10_000_000, maxEntries: 100, maxSheets: 5 })).toEqual({ code: "tooLargeUnpacked", limit: 5_000_000 });
  expect(Date.now() - t0).toBeLessThan(200);
});

test("a sheet too large to be a register (about 100,000 rows) is refused as too many rows, before parsing", async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>協定 ${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join("");
  const big = await zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${rows}</sheetData></worksheet>` });
  const t0 = Date.now();
  const e = (await readWorkbook(ExcelJS, big.buffer.slice(big.byteOffset, big.byteOffset + big.byteLength) as ArrayBuffer).catch((x: unknown) => x)) as WorkbookError;
  expect(e).toMatchObject({ code: "tooManyRows", detail: String(MAX_IMPORT_ROWS) });
  expect(Date.now() - t0).toBeLessThan(1000);
});

test("not a zip at all, or a ZIP64 archive, is not a workbook; a CSV of 100,000 rows is refused by its row count", async () => {
  expect(checkWorkbookZip(new TextEncoder().encode("番号,協定名\n1,x"))).toEqual({ code: "notZip" });
  const csv = new TextEncoder().encode(["番号,協定の相手方,協定名", ...Array.from({ length: 100_000 }, (_, i) => `${i},株式会社${i},協定${i}`)].join("\n"));
  const e = (await readRegisterFile("register.csv", csv.buffer as ArrayBuffer, async () => ExcelJS).catch((x: unknown) => x)) as WorkbookError;
  expect(e).toMatchObject({ code: "tooManyRows" });
});

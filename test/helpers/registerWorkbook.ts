import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

/** A register as a city keeps it, written to a temporary 協定一覧.xlsx: a title line, the headings, the rows. */
export async function writeRegisterWorkbook(title: string, heading: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("協定一覧");
  ws.addRow([title]);
  ws.addRow(heading);
  for (const r of rows) ws.addRow(r);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pd-register-")), "協定一覧.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

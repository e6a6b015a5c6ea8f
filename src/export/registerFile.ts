import type * as ExcelJS from "exceljs";
import { detectColumns, RegisterColumn } from "../domain/registerImport";
import { ExcelModule, MAX_CELL_CHARS, MAX_IMPORT_ROWS, MAX_WORKBOOK_BYTES, OnReadProgress, readWorkbook, WorkbookError } from "./excel";

/**
 * Reads a register file as rows of cells: the first worksheet of an .xlsx, or a CSV in
 * UTF-8 (with or without BOM) or Shift_JIS, as Japanese Excel saves it. The heading row
 * is the first of the top rows in which at least two known columns are found (registers
 * often start with a title line).
 */

export interface RegisterTable {
  columns: Partial<Record<RegisterColumn, number>>;
  rows: unknown[][];
  /** The spreadsheet row number of rows[0], for problems by row. */
  firstRowNo: number;
}

const HEADING_SEARCH_ROWS = 10;

export function isCsv(fileName: string): boolean {
  return /\.(csv|txt)$/i.test(fileName);
}

/** UTF-8 when the bytes are valid UTF-8, else Shift_JIS (CP932). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. The limits are
 * checked while reading, so a file of 100,000 rows stops at row 10,051 instead of being read
 * whole first; progress is reported every 1,000 rows.
 */
export function parseCsv(text: string, opts: { maxRows?: number; progress?: OnReadProgress } = {}): string[][] {
  const maxRows = opts.maxRows ?? Infinity;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    if (rows.length > maxRows) throw new WorkbookError("tooManyRows", String(MAX_IMPORT_ROWS));
    if (rows.length % 1000 === 0) opts.progress?.({ stage: "reading", rows: rows.length });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (field.length > MAX_CELL_CHARS) throw new WorkbookError("cellTooLong", String(MAX_CELL_CHARS));
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

function sheetRows(ws: ExcelJS.Worksheet, progress?: OnReadProgress): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      // Formulas count by their result; hyperlinks and rich text by their text.
      const value = v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
      if (typeof value === "string" && value.length > MAX_CELL_CHARS) throw new WorkbookError("cellTooLong", String(MAX_CELL_CHARS));
      cells[c - 1] = value;
    });
    out[n - 1] = cells;
    if (n % 1000 === 0) progress?.({ stage: "reading", rows: n });
  });
  return Array.from(out, (r) => r ?? []);
}

export function tableFromRows(all: unknown[][]): RegisterTable {
  for (let i = 0; i < Math.min(HEADING_SEARCH_ROWS, all.length); i++) {
    const columns = detectColumns(all[i] ?? []);
    if (Object.keys(columns).length >= 2) return { columns, rows: all.slice(i + 1), firstRowNo: i + 2 };
  }
  return { columns: {}, rows: all, firstRowNo: 1 };
}

export async function readRegisterFile(fileName: string, data: ArrayBuffer, loadExcel: () => Promise<ExcelModule>, progress?: OnReadProgress): Promise<RegisterTable> {
  if (data.byteLength > MAX_WORKBOOK_BYTES) throw new WorkbookError("fileTooLarge", String(MAX_WORKBOOK_BYTES));
  if (data.byteLength === 0) throw new WorkbookError("empty");
  if (isCsv(fileName)) {
    progress?.({ stage: "reading", rows: 0 });
    return tableFromRows(parseCsv(decodeText(new Uint8Array(data)), { maxRows: MAX_IMPORT_ROWS + 50, progress }));
  }
  const wb = await readWorkbook(await loadExcel(), data, progress);
  const ws = wb.worksheets[0];
  if (!ws) throw new WorkbookError("empty");
  return tableFromRows(sheetRows(ws, progress));
}

import type * as ExcelJS from "exceljs";
import { cellValueText } from "../domain/text";
import { checkWorkbookZip, WORKBOOK_LIMITS } from "./zipBounds";

export type ExcelModule = typeof ExcelJS;

/**
 * exceljs is large (~1 MB): loaded only when someone exports or imports a workbook, as
 * its own chunk, so no web part carries it on first load.
 */
export async function loadExcel(): Promise<ExcelModule> {
  const m = (await import(/* webpackChunkName: "excel" */ "exceljs")) as ExcelModule & { default?: ExcelModule };
  return m.default ?? m;
}

/** A value written into a cell: text starting = + - @ gets a leading ' so Excel keeps it as text, never a formula. */
export const asTextCell = (v: string | number): string | number => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v);

/** Imported workbooks larger than this are refused before parsing. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

export type WorkbookProblemCode = "notWorkbook" | "wrongSheet" | "missingColumns" | "fileTooLarge" | "empty" | "tooLargeUnpacked" | "tooManyRows" | "cellTooLong";

/** Excel's own limit for one cell (32,767 characters): a longer cell is not a register's or a form's. */
export const MAX_CELL_CHARS = 32767;

/** How far reading a file has got, for a progress bar: checked, being unpacked, rows read. */
export interface ReadProgress {
  stage: "checking" | "unpacking" | "reading";
  rows?: number;
}
export type OnReadProgress = (p: ReadProgress) => void;

/** Rows a workbook or CSV may hold (a register or a Form 1 sheet is a few hundred; 10,000 is generous). */
export const MAX_IMPORT_ROWS = 10000;

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookProblemCode,
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "WorkbookError";
  }
}

export const isWorkbookError = (e: unknown): e is WorkbookError => e instanceof Error && e.name === "WorkbookError";

/** A cell as text (see cellValueText); formulas are reported by the caller. */
export function cellText(cell: ExcelJS.Cell): string {
  const text = cellValueText(cell.value);
  if (text.length > MAX_CELL_CHARS) throw new WorkbookError("cellTooLong", String(MAX_CELL_CHARS));
  return text;
}

export function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return !!v && typeof v === "object" && ("formula" in v || "sharedFormula" in v);
}

export async function readWorkbook(excel: ExcelModule, data: ArrayBuffer, progress: OnReadProgress = () => undefined): Promise<ExcelJS.Workbook> {
  if (data.byteLength > MAX_WORKBOOK_BYTES) throw new WorkbookError("fileTooLarge", String(MAX_WORKBOOK_BYTES));
  if (data.byteLength === 0) throw new WorkbookError("empty");
  progress({ stage: "checking" });
  // Before anything is inflated: a zip bomb or a sheet of 100,000 rows is refused from the zip's own directory.
  const refusal = checkWorkbookZip(new Uint8Array(data));
  if (refusal?.code === "notZip") throw new WorkbookError("notWorkbook");
  if (refusal?.code === "sheetTooLarge") throw new WorkbookError("tooManyRows", String(MAX_IMPORT_ROWS));
  if (refusal) throw new WorkbookError("tooLargeUnpacked", `${Math.round(WORKBOOK_LIMITS.maxTotalBytes / 1024 / 1024)} MB`);
  const wb = new excel.Workbook();
  progress({ stage: "unpacking" });
  try {
    await wb.xlsx.load(data);
  } catch {
    throw new WorkbookError("notWorkbook");
  }
  if (wb.worksheets.some((ws) => ws.rowCount > MAX_IMPORT_ROWS + 50)) throw new WorkbookError("tooManyRows", String(MAX_IMPORT_ROWS));
  progress({ stage: "reading", rows: 0 });
  return wb;
}

/** Finds the header row (within the first rows) holding all the given column titles; maps title → column number. */
export function findHeader(ws: ExcelJS.Worksheet, titles: string[]): { row: number; columns: Map<string, number> } {
  const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
  let best: { row: number; columns: Map<string, number> } | null = null;
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const t = norm(cellText(cell));
      for (const title of titles) if (t === norm(title)) columns.set(title, col);
    });
    if (!best || columns.size > best.columns.size) best = { row: r, columns };
    if (columns.size === titles.length) return { row: r, columns };
  }
  const missing = titles.filter((t) => !best?.columns.has(t));
  throw new WorkbookError("missingColumns", missing.join("、"));
}

/** The value to the right of a label cell (e.g. 企業名 → the partner's name). */
export function labelledValue(ws: ExcelJS.Worksheet, label: string): string {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= 6; c++) if (cellText(row.getCell(c)).trim() === label) return cellText(row.getCell(c + 1)).trim();
  }
  return "";
}

import { CSV_MIME, downloadFile, openHtml, XLSX_MIME } from "./files";
import { FormTable, formTableCsv, formTableHtml } from "../export/formTable";

export type ExportKind = "excel" | "csv" | "print";

/**
 * A form table (export/formTable.ts) offered to the user: a CSV or a workbook to download, or
 * the printable page in a new tab (opened before anything is awaited, so no pop-up blocker
 * stops it). exceljs and the workbook layout load only for Excel, as their own chunk.
 */
export async function exportFormTable(kind: ExportKind, table: FormTable, fileBase: string): Promise<void> {
  if (kind === "print") return openHtml(formTableHtml(table));
  if (kind === "csv") return downloadFile(formTableCsv(table), `${fileBase}.csv`, CSV_MIME);
  const [{ loadExcel }, { buildFormTableWorkbook }] = await Promise.all([import(/* webpackChunkName: "excel" */ "../export/excel"), import(/* webpackChunkName: "excel" */ "../export/formTableWorkbook")]);
  downloadFile(await buildFormTableWorkbook(await loadExcel(), table), `${fileBase}.xlsx`, XLSX_MIME);
}

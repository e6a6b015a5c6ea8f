import * as strings from "AnnualCycleWebPartStrings";
import { downloadFile, XLSX_MIME } from "../../../components/files";
import { fmt } from "../../../components/format";
import { formatEraDate } from "../../../domain/calendar";
import type { TableCell } from "../../../export/tableWorkbook";

/**
 * A yearly list as shown, downloaded as a workbook (one sheet: title, 「令和8年11月24日現在・3 件」,
 * the header and the rows; dates as Excel dates). exceljs is loaded only now, in the same
 * chunk as the register's export.
 */
export async function exportListWorkbook(title: string, sheet: string, header: string[], data: TableCell[][], count: { today: string; total: number }, fileName: string): Promise<void> {
  const [{ loadExcel }, { buildTableWorkbook }] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/tableWorkbook")]);
  const asOf = formatEraDate(count.today);
  const subtitle = data.length === count.total ? fmt(strings.ListExport.asOf, asOf, data.length) : fmt(strings.ListExport.asOfFiltered, asOf, data.length, count.total);
  downloadFile(await buildTableWorkbook(await loadExcel(), sheet, title, subtitle, header, data), fileName, XLSX_MIME);
}

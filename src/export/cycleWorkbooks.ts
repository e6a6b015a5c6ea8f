import type * as ExcelJS from "exceljs";
import { formatFiscalYear } from "../domain/calendar";
import { DateParseProblem, parseDateCell } from "../domain/japaneseDates";
import type { CityProposal, IsoDate, PartnerAnswer, PartnershipItem, ProposalTiming } from "../domain/types";
import { cellText, ExcelModule, findHeader, isFormula, labelledValue, OnReadProgress, readWorkbook, WorkbookError } from "./excel";

/**
 * The guideline's Form 1 (別紙① 連携事項の提案【企業等→清瀬市】) and Form 2 (別紙②
 * 連携事項の提案【清瀬市→企業等】, with the partner's answers) as workbooks: written for a
 * partner, read back when the partner returns them. The layout's words are the
 * guideline's own, in Japanese, as the partner sees them on paper.
 */

export const FORM1_SHEET = "別紙①";
export const FORM2_SHEET = "別紙②";
const FORM1_COLUMNS = ["No", "該当する連携事項", "提案の件名", "提案内容", "提案時期"];
const FORM2_COLUMNS = ["No", "管理番号", "部課名", "該当する連携事項", "提案の件名", "提案内容", "連携の可否", "コメント", "回答日"];
const TIMING: Record<ProposalTiming, string> = { startOfYear: "年度当初", anyTime: "随時" };
const ANSWER: Record<Exclude<PartnerAnswer, "pending">, string> = { can: "可", cannot: "否", discuss: "要協議" };
const DATA_ROWS = 50;

const itemLabel = (i: PartnershipItem): string => `第${i.itemNo}号 ${i.text}`;

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
}

/** The top of a form as the guideline prints it: 別紙 number, title, fiscal year, company name. */
function writeHeading(ws: ExcelJS.Worksheet, sheet: string, title: string, lastColumn: string, fiscalYear: number, partnerName: string): void {
  ws.getCell("A1").value = sheet;
  ws.mergeCells(`A2:${lastColumn}2`);
  ws.getCell("A2").value = title;
  ws.getCell("A2").font = { bold: true, size: 14 };
  ws.getCell("A3").value = "年度";
  ws.getCell("B3").value = formatFiscalYear(fiscalYear);
  ws.getCell("A4").value = "企業名";
  ws.getCell("B4").value = partnerName;
}

export async function buildForm1Workbook(excel: ExcelModule, partnerName: string, fiscalYear: number, items: PartnershipItem[]): Promise<ArrayBuffer> {
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const ws = wb.addWorksheet(FORM1_SHEET, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
  const lists = wb.addWorksheet("選択肢", { state: "veryHidden" });
  [...items].sort((a, b) => a.itemNo - b.itemNo).forEach((i, n) => (lists.getCell(n + 1, 1).value = itemLabel(i)));
  lists.getCell(1, 2).value = TIMING.startOfYear;
  lists.getCell(2, 2).value = TIMING.anyTime;

  writeHeading(ws, FORM1_SHEET, "連携事項の提案【企業等→清瀬市】", "E", fiscalYear, partnerName);
  const header = ws.getRow(6);
  header.values = FORM1_COLUMNS;
  styleHeader(header);
  ws.columns = [{ width: 6 }, { width: 36 }, { width: 30 }, { width: 60 }, { width: 12 }];
  for (let r = 7; r < 7 + DATA_ROWS; r++) {
    ws.getCell(r, 1).value = r - 6;
    ws.getCell(r, 2).dataValidation = { type: "list", allowBlank: true, formulae: [`'選択肢'!$A$1:$A$${Math.max(1, items.length)}`], showErrorMessage: true, error: "一覧から選んでください。" };
    ws.getCell(r, 5).dataValidation = { type: "list", allowBlank: true, formulae: [`'選択肢'!$B$1:$B$2`] };
    ws.getCell(r, 4).alignment = { wrapText: true, vertical: "top" };
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export interface Form1Row {
  rowNumber: number;
  itemText: string;
  title: string;
  content: string;
  timing: ProposalTiming;
}

export interface ParsedForm1 {
  partnerName: string;
  rows: Form1Row[];
  problems: Array<{ rowNumber: number; code: "formula" | "invalidTiming" }>;
}

export async function parseForm1Workbook(excel: ExcelModule, data: ArrayBuffer, progress?: OnReadProgress): Promise<ParsedForm1> {
  const wb = await readWorkbook(excel, data, progress);
  const ws = wb.getWorksheet(FORM1_SHEET);
  if (!ws) throw new WorkbookError("wrongSheet", FORM1_SHEET);
  const { row: headerRow, columns } = findHeader(ws, FORM1_COLUMNS.slice(1));
  const partnerName = labelledValue(ws, "企業名");
  const out: ParsedForm1 = { partnerName, rows: [], problems: [] };
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (r % 1000 === 0) progress?.({ stage: "reading", rows: r });
    const row = ws.getRow(r);
    const cells = FORM1_COLUMNS.slice(1).map((t) => row.getCell(columns.get(t)!));
    const texts = cells.map((c) => cellText(c).trim());
    if (texts.every((t) => t === "")) continue;
    if (cells.some(isFormula)) {
      out.problems.push({ rowNumber: r, code: "formula" });
      continue;
    }
    const [itemText, title, content, timingText] = texts;
    const timing = (Object.keys(TIMING) as ProposalTiming[]).find((k) => TIMING[k] === timingText) ?? (timingText === "" ? "startOfYear" : null);
    if (!timing) {
      out.problems.push({ rowNumber: r, code: "invalidTiming" });
      continue;
    }
    out.rows.push({ rowNumber: r, itemText, title, content, timing });
  }
  return out;
}

export async function buildAnswersWorkbook(excel: ExcelModule, partnerName: string, fiscalYear: number, proposals: CityProposal[], itemTitle: (p: CityProposal) => string): Promise<ArrayBuffer> {
  const wb = new excel.Workbook();
  wb.creator = "Partnership Desk";
  const ws = wb.addWorksheet(FORM2_SHEET, { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
  writeHeading(ws, FORM2_SHEET, "連携事項の提案【清瀬市→企業等】", "I", fiscalYear, partnerName);
  const header = ws.getRow(6);
  header.values = FORM2_COLUMNS;
  styleHeader(header);
  ws.columns = [{ width: 6 }, { width: 10 }, { width: 22 }, { width: 28 }, { width: 28 }, { width: 50 }, { width: 12 }, { width: 30 }, { width: 14 }];
  proposals.forEach((p, n) => {
    const r = 7 + n;
    const answer = p.partnerAnswer === "pending" ? "" : ANSWER[p.partnerAnswer];
    ws.getRow(r).values = [n + 1, p.id, p.department?.title ?? "", itemTitle(p), p.title, p.content, answer, p.answerComment, p.answerDate ?? ""];
    ws.getCell(r, 7).dataValidation = { type: "list", allowBlank: true, formulae: ['"可,否,要協議"'], showErrorMessage: true, error: "可・否・要協議から選んでください。" };
    ws.getCell(r, 6).alignment = { wrapText: true, vertical: "top" };
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

export interface ParsedAnswer {
  rowNumber: number;
  proposalId: number;
  answer: PartnerAnswer;
  comment: string;
  /** null when the cell is blank or could not be read as a date (then `dateProblem` says why). */
  answerDate: IsoDate | null;
  /** The 回答日 cell could not be read: the answer and comment are still imported, the date is left to enter by hand. */
  dateProblem?: { text: string; problem: DateParseProblem };
}

export type AnswerProblemCode = "formula" | "invalidAnswer" | "invalidId" | `answerDate.${DateParseProblem}`;

/**
 * The partner's answers to Form 2, as returned in the workbook. The 回答日 cell is read by the one
 * Japanese date reader every import uses (parseDateCell: 和暦 with 元年, R9.5.20, 西暦 with / - . 年月日,
 * full-width digits, Excel date cells and serial numbers). A date it cannot read does not cost the
 * row: the answer and comment are kept and the cell is reported (`answerDate.<problem>`) so the
 * coordinator enters the date by hand.
 */
export async function parseAnswersWorkbook(excel: ExcelModule, data: ArrayBuffer, progress?: OnReadProgress): Promise<{ partnerName: string; rows: ParsedAnswer[]; problems: Array<{ rowNumber: number; code: AnswerProblemCode; detail?: string }> }> {
  const wb = await readWorkbook(excel, data, progress);
  const ws = wb.getWorksheet(FORM2_SHEET);
  if (!ws) throw new WorkbookError("wrongSheet", FORM2_SHEET);
  const need = ["管理番号", "連携の可否", "コメント", "回答日"];
  const { row: headerRow, columns } = findHeader(ws, need);
  const out = { partnerName: labelledValue(ws, "企業名"), rows: [] as ParsedAnswer[], problems: [] as Array<{ rowNumber: number; code: AnswerProblemCode; detail?: string }> };
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (r % 1000 === 0) progress?.({ stage: "reading", rows: r });
    const row = ws.getRow(r);
    const cells = need.map((t) => row.getCell(columns.get(t)!));
    const [idText, answerText, comment, dateText] = cells.map((c) => cellText(c).trim());
    if (!idText) continue;
    if (cells.some(isFormula)) {
      out.problems.push({ rowNumber: r, code: "formula" });
      continue;
    }
    const id = Number(idText.normalize("NFKC"));
    if (!Number.isInteger(id) || id <= 0) {
      out.problems.push({ rowNumber: r, code: "invalidId" });
      continue;
    }
    if (!answerText && !comment && !dateText) continue; // not answered yet
    const answer = (Object.keys(ANSWER) as Array<keyof typeof ANSWER>).find((k) => ANSWER[k] === answerText.normalize("NFKC"));
    if (!answer) {
      out.problems.push({ rowNumber: r, code: "invalidAnswer" });
      continue;
    }
    const date = dateText ? parseDateCell(cells[3].value) : null;
    const parsed: ParsedAnswer = { rowNumber: r, proposalId: id, answer, comment, answerDate: date?.ok ? date.date : null };
    if (date && !date.ok) {
      parsed.dateProblem = { text: dateText, problem: date.problem };
      out.problems.push({ rowNumber: r, code: `answerDate.${date.problem}`, detail: dateText });
    }
    out.rows.push(parsed);
  }
  return out;
}

import type { ParsedAnswer, ParsedForm1 } from "./cycleWorkbooks";
import { AnswerProblemCode, parseAnswersWorkbook, parseForm1Workbook } from "./cycleWorkbooks";
import { loadExcel, OnReadProgress, WorkbookError } from "./excel";
import { readRegisterFile, RegisterTable } from "./registerFile";

/**
 * The files the product reads, as jobs with plain data in and out, so that they can run in a
 * Web Worker (parseWorker.ts) — or, where a worker cannot be started, on the page (parseFile.ts).
 * The limits (file size, unpacked size, sheets, rows, cell length) are checked while reading.
 */
export type ParseJob =
  | { kind: "register"; fileName: string; data: ArrayBuffer }
  | { kind: "form1"; data: ArrayBuffer }
  | { kind: "answers"; data: ArrayBuffer };

export interface ParseResults {
  register: RegisterTable;
  form1: ParsedForm1;
  answers: { partnerName: string; rows: ParsedAnswer[]; problems: Array<{ rowNumber: number; code: AnswerProblemCode; detail?: string }> };
}

export async function runParseJob(job: ParseJob, progress: OnReadProgress): Promise<ParseResults[ParseJob["kind"]]> {
  if (job.kind === "register") return readRegisterFile(job.fileName, job.data, loadExcel, progress);
  const excel = await loadExcel();
  if (job.kind === "form1") return parseForm1Workbook(excel, job.data, progress);
  return parseAnswersWorkbook(excel, job.data, progress);
}

/** What crosses from the worker to the page: a result, progress, or an error with its code. */
export type ParseMessage =
  | { type: "progress"; stage: "checking" | "unpacking" | "reading"; rows?: number }
  | { type: "done"; result: unknown }
  | { type: "error"; name: string; code?: string; detail?: string; message: string };

export function errorMessage(e: unknown): ParseMessage {
  if (e instanceof WorkbookError) return { type: "error", name: e.name, code: e.code, detail: e.detail, message: e.message };
  return { type: "error", name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : String(e) };
}

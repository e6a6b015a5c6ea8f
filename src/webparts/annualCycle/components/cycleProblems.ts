import * as strings from "AnnualCycleWebPartStrings";
import { fmt } from "../../../components/format";
import { Problem, problemText } from "../../../components/problems";
import { isWorkbookError } from "../../../export/excel";
import type { ImportReport } from "../../../data/services/CycleService";

export function fieldError(problems: Problem[], field: string): string | undefined {
  return problemText(strings.Problems, problems, field, strings.Problems.required);
}

/** A file that could not be read at all, worded; undefined when the error is something else. */
export function workbookErrorText(e: unknown): string | undefined {
  if (!isWorkbookError(e)) return undefined;
  return fmt(strings.Import.errors[e.code] ?? e.code, e.detail);
}

/** One line per problem row, with its row number. */
export function reportLines(report: ImportReport): string[] {
  return [
    fmt(strings.Import.imported, report.imported),
    ...(report.duplicates ? [fmt(strings.Import.duplicates, report.duplicates)] : []),
    ...report.errors.map((e) => fmt(strings.Import.rowError, e.rowNumber, fmt(strings.Import.errors[e.code] ?? e.code, e.detail ?? ""))),
  ];
}

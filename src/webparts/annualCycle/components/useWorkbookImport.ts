import * as React from "react";
import type { ActionState } from "../../../components/hooks/useAction";
import type { ImportReport } from "../../../data/services/CycleService";
import { workbookErrorText } from "./cycleProblems";
import * as common from "CommonStrings";
import { FileParse, useFileParse } from "../../../components/hooks/useFileParse";

/** exceljs and the form layouts, loaded together on first use as the lazy "excel" chunk. */
export async function loadCycleExcel(): Promise<typeof import("../../../export/cycleWorkbooks") & { excel: import("../../../export/excel").ExcelModule }> {
  const [{ loadExcel }, workbooks] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/cycleWorkbooks")]);
  return { ...workbooks, excel: await loadExcel() };
}

export interface WorkbookImport {
  report: ImportReport | null;
  fileError: string | undefined;
  dismiss: () => void;
  /** Runs an import: `work` resolves with the report, or with a message when the file is refused as a whole. */
  start: (work: () => Promise<ImportReport | string>) => Promise<boolean>;
  /** Reads the file in a Web Worker (progress, cancel): use inside `work`. */
  reading: FileParse;
}

/**
 * What an import shows: the report (rows in row order) or why the file could not be read
 * at all. A file that is not a readable form is a message, not an error bar.
 */
export function useWorkbookImport(action: ActionState, onChanged: () => void): WorkbookImport {
  const [report, setReport] = React.useState<ImportReport | null>(null);
  const [fileError, setFileError] = React.useState<string | undefined>(undefined);
  const reading = useFileParse();
  const dismiss = React.useCallback(() => {
    setReport(null);
    setFileError(undefined);
  }, []);
  const start = (work: () => Promise<ImportReport | string>): Promise<boolean> =>
    action.run(async () => {
      dismiss();
      try {
        const r = await work();
        if (typeof r === "string") {
          setFileError(r);
          return;
        }
        setReport({ ...r, errors: [...r.errors].sort((a, b) => a.rowNumber - b.rowNumber) });
        onChanged();
      } catch (e) {
        if (e instanceof Error && e.name === "ParseCancelled") return setFileError(common.Reading.cancelled);
        const text = workbookErrorText(e);
        if (!text) throw e;
        setFileError(text);
      }
    });
  return { report, fileError, dismiss, start, reading };
}

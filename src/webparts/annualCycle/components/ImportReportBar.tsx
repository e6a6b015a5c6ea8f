import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import type { ImportReport } from "../../../data/services/CycleService";
import { reportLines } from "./cycleProblems";

/** What an import did: rows added, rows skipped as already imported, and each refused row with its number. */
export function ImportReportBar({ report, fileError, onDismiss }: { report: ImportReport | null; fileError: string | undefined; onDismiss: () => void }): JSX.Element | null {
  if (fileError) return <MessageBar messageBarType={MessageBarType.error} onDismiss={onDismiss}>{fileError}</MessageBar>;
  if (!report) return null;
  const lines = reportLines(report);
  return (
    <MessageBar messageBarType={report.errors.length ? MessageBarType.warning : MessageBarType.success} isMultiline onDismiss={onDismiss} role="status">
      <strong>{strings.Import.report}</strong>
      <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </MessageBar>
  );
}

/** A button-styled file picker for an .xlsx file. */
export function FilePick({ label, onFile, disabled }: { label: string; onFile: (data: ArrayBuffer, name: string) => void; disabled?: boolean }): JSX.Element {
  const id = React.useMemo(() => `pd-file-${Math.random().toString(36).slice(2)}`, []);
  return (
    <span>
      <label htmlFor={id} className="ms-Button ms-Button--default" style={{ display: "inline-block", padding: "5px 14px", border: "1px solid #8a8886", borderRadius: 2, cursor: "pointer", fontWeight: 600, fontSize: 14 }}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        style={{ position: "absolute", width: 1, height: 1, opacity: 0 }}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onFile(await f.arrayBuffer(), f.name);
        }}
      />
    </span>
  );
}

import * as React from "react";
import type { IColumn } from "@fluentui/react";
import { DataGrid } from "../../../components/light";
import * as strings from "AnnualCycleWebPartStrings";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import type { RowAnomaly } from "../../../domain/rowPlacement";

/**
 * 所属フォルダーと一致しない行: department rows whose folder does not match what they say (another
 * department, a status or year they cannot have). No count, list or publication includes them;
 * the coordinator sees who wrote each and where it is. Nothing is shown when there are none.
 */
export function RowAnomaliesSection({ rows }: { rows: RowAnomaly[] }): JSX.Element | null {
  if (rows.length === 0) return null;
  const columns: IColumn[] = [
    { key: "list", name: strings.Anomalies.list, minWidth: 90, onRender: (r: RowAnomaly) => (strings.Anomalies.lists as Record<string, string>)[r.list] ?? r.list },
    { key: "title", name: strings.Columns.title, minWidth: 140, isMultiline: true, onRender: (r: RowAnomaly) => r.title },
    { key: "department", name: strings.Anomalies.department, minWidth: 110, isMultiline: true, onRender: (r: RowAnomaly) => r.department?.title ?? "" },
    { key: "author", name: strings.Anomalies.author, minWidth: 90, onRender: (r: RowAnomaly) => r.author?.title ?? "" },
    { key: "editor", name: strings.Anomalies.editor, minWidth: 90, onRender: (r: RowAnomaly) => r.editor?.title ?? "" },
    { key: "folder", name: strings.Anomalies.folder, minWidth: 140, isMultiline: true, onRender: (r: RowAnomaly) => r.folder.slice(r.folder.lastIndexOf("/") + 1) || "/" },
    { key: "problem", name: strings.Anomalies.problem, minWidth: 160, isMultiline: true, onRender: (r: RowAnomaly) => (strings.Anomalies.problems as Record<string, string>)[r.problem] ?? r.problem },
  ];
  return (
    <section aria-label={strings.Anomalies.heading}>
      <h3 className={frameStyles.sectionTitle}>{strings.Anomalies.heading}</h3>
      <p>{strings.Anomalies.intro}</p>
      <DataGrid items={rows} columns={columns} compact getKey={(r: RowAnomaly) => `${r.list}:${r.id}`} ariaLabel={strings.Anomalies.heading} />
    </section>
  );
}

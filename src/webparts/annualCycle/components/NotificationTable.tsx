import * as React from "react";
import { DefaultButton, DetailsList, IColumn, SelectionMode } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import type { Notification } from "../../../domain/types";

/**
 * How an edition's Teams messages went, per department. A retry sends only what failed:
 * the notification service never posts twice to a channel that already has this edition,
 * so "retry all" and a single row's "retry" are the same safe action.
 */
export function NotificationTable({ records, canRetry, busy, onRetry }: { records: Notification[]; canRetry: boolean; busy: boolean; onRetry: () => void }): JSX.Element {
  const failed = records.filter((n) => n.status === "failed");
  const columns: IColumn[] = [
    { key: "dept", name: strings.Columns.department, minWidth: 180, onRender: (n: Notification) => n.department?.title },
    { key: "status", name: strings.Columns.status, minWidth: 150, onRender: (n: Notification) => <span style={{ fontWeight: 600, color: n.status === "sent" ? "#107c10" : n.status === "failed" ? "#a4262c" : "#605e5c" }}>{strings.Matching.status[n.status]}</span> },
    { key: "attempts", name: strings.Matching.attempts, minWidth: 60, onRender: (n: Notification) => n.attempts },
    { key: "error", name: strings.Matching.error, minWidth: 200, isMultiline: true, onRender: (n: Notification) => n.error },
    { key: "retry", name: "", minWidth: 80, onRender: (n: Notification) => canRetry && n.status === "failed" && <DefaultButton text={strings.Matching.retry} onClick={onRetry} disabled={busy} ariaLabel={`${strings.Matching.retry}: ${n.department?.title ?? ""}`} /> },
  ];
  return (
    <>
      <DetailsList items={records} columns={columns} selectionMode={SelectionMode.none} compact getKey={(n: Notification) => String(n.id)} ariaLabelForGrid={strings.Matching.notifications} />
      {canRetry && failed.length > 1 && <DefaultButton text={strings.Matching.retryAll} onClick={onRetry} disabled={busy} />}
    </>
  );
}

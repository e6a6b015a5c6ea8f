import * as React from "react";
import { DefaultButton, IColumn, Link, MessageBar, MessageBarButton, MessageBarType, SelectionMode, Stack } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import { fmt } from "../../../components/format";
import { notYetSent, outcomeUnknown } from "../../../data/services/NotificationService";
import type { Notification } from "../../../domain/types";
import { teamsChannelLink } from "../../../domain/teamsMessages";
import { noticeProblemText } from "../../../components/noticeProblem";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

/**
 * How an edition's Teams messages went, per department. A retry sends only what failed or
 * was never attempted: the notification service never posts twice to a channel that already
 * has this edition, so "retry all" and a single row's "retry" are the same safe action. A
 * message whose outcome is unknown (the sender stopped after claiming it) is posted again
 * only when the coordinator, having looked at the channel (the row links to it), asks for it;
 * one found there is marked as sent instead.
 */
export function NotificationTable({ records, canRetry, busy, onRetry, onConfirmPosted }: { records: Notification[]; canRetry: boolean; busy: boolean; onRetry: (resendUnknown: boolean) => void; onConfirmPosted: (n: Notification) => void }): JSX.Element {
  // Failed, or recorded but never attempted (the sender stopped first): 再送 sends them.
  const failed = records.filter((n) => n.status === "failed" || notYetSent(n));
  // Claimed by a sender that never reported back: Graph may have posted it; sent again only when the coordinator has checked.
  const unknown = records.filter((n) => outcomeUnknown(n));
  const label = (n: Notification): string => (notYetSent(n) ? strings.Matching.notYetSent : outcomeUnknown(n) ? strings.Matching.outcomeUnknown : strings.Matching.status[n.status]);
  const columns: IColumn[] = [
    { key: "dept", name: strings.Columns.department, minWidth: 180, onRender: (n: Notification) => n.department?.title },
    { key: "status", name: strings.Columns.status, minWidth: 150, onRender: (n: Notification) => <span style={{ fontWeight: 600, color: n.status === "sent" ? "#107c10" : n.status === "failed" || outcomeUnknown(n) ? "#a4262c" : "#605e5c" }}>{label(n)}</span> },
    { key: "attempts", name: strings.Matching.attempts, minWidth: 60, onRender: (n: Notification) => n.attempts },
    { key: "error", name: strings.Matching.error, minWidth: 200, isMultiline: true, onRender: (n: Notification) => (n.error ? <span title={n.error}>{noticeProblemText(n.error)}</span> : null) },
    {
      key: "retry",
      name: "",
      minWidth: 80,
      isMultiline: true,
      onRender: (n: Notification) =>
        canRetry && (n.status === "failed" || notYetSent(n)) ? (
          <DefaultButton text={strings.Matching.retry} onClick={() => onRetry(false)} disabled={busy} ariaLabel={`${strings.Matching.retry}: ${n.department?.title ?? ""}`} />
        ) : canRetry && outcomeUnknown(n) ? (
          <Stack tokens={{ childrenGap: 4 }}>
            <Link href={teamsChannelLink(n.teamId, n.channelId, n.department?.title ?? "")} target="_blank" rel="noopener noreferrer">
              {strings.Matching.openChannel}
            </Link>
            <DefaultButton text={strings.Matching.confirmPosted} onClick={() => onConfirmPosted(n)} disabled={busy} ariaLabel={`${strings.Matching.confirmPosted}: ${n.department?.title ?? ""}`} />
          </Stack>
        ) : null,
    },
  ];
  return (
    <>
      <ResponsiveDetailsList items={records} columns={columns} selectionMode={SelectionMode.none} compact getKey={(n: Notification) => String(n.id)} ariaLabelForGrid={strings.Matching.notifications} />
      {canRetry && failed.length > 1 && <DefaultButton text={strings.Matching.retryAll} onClick={() => onRetry(false)} disabled={busy} />}
      {canRetry && unknown.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline actions={<MessageBarButton onClick={() => onRetry(true)} disabled={busy}>{strings.Matching.resendUnknown}</MessageBarButton>}>
          {fmt(strings.Matching.unknownHint, unknown.map((n) => n.department?.title ?? "").join("、"))}
        </MessageBar>
      )}
    </>
  );
}

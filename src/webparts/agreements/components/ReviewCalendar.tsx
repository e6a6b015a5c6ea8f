import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Link, PrimaryButton, Spinner } from "@fluentui/react";
import type { IColumn } from "@fluentui/react";
import { DataGrid, Notice, Toolbar } from "../../../components/light";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { fmt } from "../../../components/format";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useLoad } from "../../../components/hooks/useLoad";
import { useAction } from "../../../components/hooks/useAction";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import type { ChannelMessage } from "../../../data/contracts";
import { remindersToSend } from "../../../data/services/TermsService";
import type { CalendarData, TermsService } from "../../../data/services/TermsService";
import type { NotificationService } from "../../../data/services/NotificationService";
import { formatDateBoth } from "../../../domain/calendar";
import type { DecisionEntry } from "../../../domain/decisions";
import { decisionReminderHtml } from "../../../domain/teamsMessages";
import type { Agreement, Notification } from "../../../domain/types";
import { partnerNamesText } from "../../../domain/agreements";

export interface IReviewCalendarProps {
  service: TermsService;
  notifications: NotificationService;
  canEdit: boolean;
  /** Where the reminder's link leads (this page). */
  pageUrl: string;
  onOpen: (a: Agreement) => void;
  /** The calendar's read, started when its tab was chosen (while this code was fetched): taken once. */
  takeEarlyRead?: () => Promise<CalendarData> | undefined;
}

const C = strings.Calendar;

const kindText = (e: DecisionEntry): string => (e.kind === "review" ? C.kinds.review : fmt(C.kindTerm, C.kinds[e.kind], fmt(C.termN, e.termNo ?? 0)));

function reminderMessage(e: DecisionEntry, pageUrl: string): ChannelMessage {
  const what = kindText(e);
  const lines: Array<[string, string]> = [
    [C.decision, formatDateBoth(e.decisionDate)],
    ...(e.noticeDeadline ? [[`${C.notice}${e.noticeInWriting ? C.writing : ""}`, formatDateBoth(e.noticeDeadline)] as [string, string]] : []),
    [C.due, formatDateBoth(e.dueDate)],
  ];
  return { html: decisionReminderHtml({ agreementTitle: e.agreement.title, partnerName: partnerNamesText(e.agreement), whatText: what, lines, url: pageUrl }, C.reminderHeading, C.reminderOpen) };
}

/**
 * Decisions due within the window and overdue, keyed on the decision date. Reminders go to the
 * coordinators' channel only when a coordinator presses 「リマインドを送信」 and confirms the list
 * (once each; failures are shown and sent again the same way). Opening the calendar posts
 * nothing (issue 33: it once fired a dozen posts on opening).
 */
export function ReviewCalendar({ service, notifications, canEdit, pageUrl, onOpen, takeEarlyRead }: IReviewCalendarProps): JSX.Element {
  const load = useLoad(() => takeEarlyRead?.() ?? service.calendar(), [service]);
  const action = useAction();
  const [outcome, setOutcome] = React.useState<Notification[] | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const cal = load.data;
  const send = (): void => {
    if (!cal) return;
    void action
      .run(async () => {
        const sent = await service.sendDueReminders(cal, notifications, (e) => reminderMessage(e, pageUrl), true);
        setOutcome(sent);
        if (sent.length) load.reload();
      })
      .then(() => setConfirming(false));
  };
  if (!cal) return <>{load.loading ? <Spinner label={common.Loading} /> : <ErrorBar error={load.error} onReload={load.reload} />}</>;
  const failed = [...cal.reminders.values()].filter((n) => n.status === "failed" && cal.entries.some((e) => e.reminderKey === n.dedupeKey));
  const toSend = canEdit ? remindersToSend(cal) : [];
  const statusOf = (e: DecisionEntry): string => {
    const n = cal.reminders.get(e.reminderKey);
    return n ? C.reminderStatus[n.status] : e.state === "dueSoon" ? C.reminderStatus.notYet : C.reminderStatus.unsent;
  };
  const columns: IColumn[] = [
    {
      key: "state",
      name: C.state,
      minWidth: 70,
      maxWidth: 110,
      isMultiline: true,
      onRender: (e: DecisionEntry) => (
        <span style={{ color: e.state === "overdue" ? "#a4262c" : "#0f6cbd", fontWeight: 600 }}>
          {e.state === "overdue" ? fmt(C.overdue, -e.daysLeft) : e.state === "today" ? C.dueToday : fmt(C.dueIn, e.daysLeft)}
        </span>
      ),
    },
    { key: "decision", name: C.decision, minWidth: 100, maxWidth: 130, isMultiline: true, onRender: (e: DecisionEntry) => <DateText date={e.decisionDate} /> },
    { key: "kind", name: C.kind, minWidth: 90, maxWidth: 140, isMultiline: true, onRender: kindText },
    { key: "title", name: strings.Columns.title, minWidth: 150, maxWidth: 340, isMultiline: true, onRender: (e: DecisionEntry) => <Link onClick={() => onOpen(e.agreement)}>{e.agreement.title}</Link> },
    { key: "partner", name: strings.Columns.partner, minWidth: 110, maxWidth: 200, isMultiline: true, onRender: (e: DecisionEntry) => partnerNamesText(e.agreement) },
    { key: "notice", name: C.notice, minWidth: 90, maxWidth: 140, isMultiline: true, onRender: (e: DecisionEntry) => (e.noticeDeadline ? <>{<DateText date={e.noticeDeadline} />}{e.noticeInWriting ? C.writing : ""}</> : "—") },
    { key: "due", name: C.due, minWidth: 100, maxWidth: 140, isMultiline: true, headerClassName: frameStyles.wrapHeader, onRender: (e: DecisionEntry) => <DateText date={e.dueDate} /> },
    { key: "reminder", name: C.reminder, minWidth: 80, maxWidth: 110, isMultiline: true, headerClassName: frameStyles.wrapHeader, onRender: (e: DecisionEntry) => statusOf(e) },
  ];
  return (
    <>
      <h3 className={frameStyles.sectionTitle}>{fmt(C.heading, cal.rules.reviewWindowDays)}</h3>
      <ErrorBar error={action.error} />
      {canEdit && !cal.coordinatorChannel?.channelId && <Notice kind="warning">{C.noChannel}</Notice>}
      {outcome && outcome.some((n) => n.status === "sent") && <Notice kind="success" role="status">{fmt(C.sentSummary, outcome.filter((n) => n.status === "sent").length)}</Notice>}
      {failed.length > 0 && <Notice kind="error">{fmt(C.failedSummary, failed.length)}</Notice>}
      {toSend.length > 0 && <Toolbar ariaLabel={C.reminder} items={[{ key: "remind", text: fmt(C.remind, toSend.length), iconName: "Send", disabled: action.busy, onClick: () => setConfirming(true) }]} />}
      {confirming && <RemindDialog entries={toSend} busy={action.busy} onConfirm={send} onCancel={() => setConfirming(false)} />}
      <DataGrid items={cal.entries} columns={columns} getKey={(e: DecisionEntry) => e.reminderKey} ariaLabel={fmt(C.heading, cal.rules.reviewWindowDays)} />
      {cal.entries.length === 0 && <p>{fmt(C.none, cal.rules.reviewWindowDays)}</p>}
    </>
  );
}

/** The confirmation of 「リマインドを送信」: every reminder that will be posted, before anything is. */
function RemindDialog({ entries, busy, onConfirm, onCancel }: { entries: DecisionEntry[]; busy: boolean; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  return (
    <Dialog hidden={false} onDismiss={onCancel} dialogContentProps={{ type: DialogType.normal, title: C.remindTitle, subText: fmt(C.remindText, entries.length) }} minWidth={320} maxWidth={560} modalProps={{ isBlocking: true }}>
      <ul aria-label={C.remindTitle} style={{ margin: 0, paddingLeft: 20, maxHeight: 320, overflowY: "auto", overflowWrap: "anywhere" }}>
        {entries.map((e) => (
          <li key={e.reminderKey}>
            {fmt(C.remindLine, e.agreement.title, partnerNamesText(e.agreement), kindText(e), formatDateBoth(e.decisionDate))}
          </li>
        ))}
      </ul>
      <DialogFooter>
        <PrimaryButton text={fmt(C.remindConfirm, entries.length)} onClick={onConfirm} disabled={busy} />
        <DefaultButton text={common.Cancel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

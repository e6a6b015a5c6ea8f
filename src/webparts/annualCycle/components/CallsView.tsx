import * as React from "react";
import { CommandBar, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, Link, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, SelectionMode, Stack, TextField } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fiscalYearLabel, fmt } from "../../../components/format";
import { followUpMailto } from "../../../domain/partnerRequests";
import { useAction } from "../../../components/hooks/useAction";
import type { CycleService, YearData } from "../../../data/services/CycleService";
import type { NotificationService } from "../../../data/services/NotificationService";
import type { RequestContactService } from "../../../data/services/RequestContactService";
import { PartnerRequestsButton } from "./PartnerRequestsButton";
import { callState, callStatusBoard, StatusBoardRow, callTitle, defaultCallYear } from "../../../domain/calls";
import { formatEraDate } from "../../../domain/calendar";
import { reminderHtml } from "../../../domain/teamsMessages";
import type { Call, FormKind, Notification } from "../../../domain/types";
import { fieldError } from "./cycleProblems";
import { moreActions } from "../../../components/moreActions";
import { BreakableText } from "../../../components/BreakableText";
import { deliveryOutcome } from "../../../domain/deliveryOutcome";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

export interface ICallsViewProps {
  year: YearData;
  canEdit: boolean;
  service: CycleService;
  notifications: NotificationService;
  /** The coordinator's contact printed in the letters to partners. */
  requestContact: RequestContactService;
  today: string;
  portalUrl: string;
  onChanged: () => void;
}

/** 調査依頼: the year's calls, who has and has not submitted, reminders, closing and reopening. */
export function CallsView({ year, canEdit, service, notifications, requestContact, today, portalUrl, onChanged }: ICallsViewProps): JSX.Element {
  const [adding, setAdding] = React.useState(false);
  const [openId, setOpenId] = React.useState<number | null>(null);
  const columns: IColumn[] = [
    { key: "form", name: strings.Columns.form, minWidth: 170, maxWidth: 220, isMultiline: true, onRender: (c: Call) => common.Forms[c.form] },
    { key: "title", name: strings.Columns.title, minWidth: 240, isMultiline: true, onRender: (c: Call) => <Link onClick={() => setOpenId(c.id)}>{c.title}</Link> },
    { key: "deadline", name: strings.Columns.deadline, minWidth: 130, maxWidth: 170, isMultiline: true, onRender: (c: Call) => <DateText date={c.deadline} /> },
    { key: "status", name: strings.Columns.status, minWidth: 70, maxWidth: 100, onRender: (c: Call) => strings.CallStatus[callState(c, today)] },
    { key: "recipients", name: strings.Columns.recipients, minWidth: 80, maxWidth: 100, onRender: (c: Call) => c.recipientDepartments.length + c.recipientPartners.length },
  ];
  const call = year.calls.find((c) => c.id === openId);
  return (
    <>
      {canEdit && <CommandBar overflowButtonProps={moreActions} items={[{ key: "add", text: strings.Calls.add, iconProps: { iconName: "Add" }, onClick: () => setAdding(true) }]} />}
      <ResponsiveDetailsList items={year.calls} columns={columns} selectionMode={SelectionMode.none} getKey={(c: Call) => String(c.id)} ariaLabelForGrid={strings.CallsHeading} />
      {year.calls.length === 0 && <p>{common.NoItems}</p>}
      {adding && <NewCallDialog year={year} service={service} notifications={notifications} portalUrl={portalUrl} today={today} onClose={() => setAdding(false)} onDone={() => { setAdding(false); onChanged(); }} />}
      {call && <BoardPanel call={call} year={year} canEdit={canEdit} service={service} notifications={notifications} requestContact={requestContact} today={today} portalUrl={portalUrl} onClose={() => setOpenId(null)} onChanged={onChanged} />}
    </>
  );
}

function NewCallDialog({ year, service, notifications, portalUrl, today, onClose, onDone }: { year: YearData; service: CycleService; notifications: NotificationService; portalUrl: string; today: string; onClose: () => void; onDone: () => void }): JSX.Element {
  // The guideline's order: Form 1 (partners' proposals) comes first in the year.
  const [form, setForm] = React.useState<FormKind>("form1");
  // The year the call is about: the year shown, except Form 4 in April–May (the year just ended).
  const [fiscalYear, setFiscalYear] = React.useState(year.fiscalYear);
  const [title, setTitle] = React.useState(callTitle("form1", year.fiscalYear));
  const [deadline, setDeadline] = React.useState("");
  const [message, setMessage] = React.useState("");
  const action = useAction();
  const [notReady, setNotReady] = React.useState<string[] | null>(null);
  // The first notice to each department's channel, once the call is open (Form 2 and Form 4).
  const [opened, setOpened] = React.useState<Call | null>(null);
  const [notices, setNotices] = React.useState<Notification[] | null>(null);
  const render = (c: Call) => (d: { title: string }): string =>
    reminderHtml(
      { callTitle: c.title, deadlineText: c.deadline ? formatEraDate(c.deadline) : "", departmentName: d.title, portalUrl, message: c.message },
      { heading: strings.Calls.noticeHeading, deadline: strings.Columns.deadline, body: strings.Calls.noticeBody, open: strings.Calls.openPortal },
    );
  const announce = (c: Call): Promise<boolean> => action.run(async () => setNotices(await service.announce(c, year, notifications, render(c))));
  const submit = async (): Promise<void> => {
    const partners = year.partners.filter((p) => year.itemsOfPartner.has(p.id)).map((p) => ({ id: p.id, title: p.name }));
    const departments = year.departments.filter((d) => d.active && !d.isCoordinator).map((d) => ({ id: d.id, title: d.title }));
    let skipped: string[] = [];
    let call: Call | null = null;
    const ok = await action.run(async () => {
      const r = await service.openCall({ title, fiscalYear, form, deadline: deadline || null, message, recipientDepartments: departments, recipientPartners: partners });
      skipped = r.notReady.map((d) => d.title);
      call = r;
    });
    if (!ok || !call) return;
    setNotReady(skipped);
    if (form === "form1") {
      if (!skipped.length) onDone();
      return;
    }
    setOpened(call);
    await announce(call);
  };
  if (notReady) {
    // Departments without their group yet could not be given somewhere to submit; the first notice's outcome per department.
    const failed = (notices ?? []).filter((n) => n.status !== "sent");
    const sent = (notices ?? []).filter((n) => n.status === "sent").length;
    return (
      <Dialog hidden={false} onDismiss={onDone} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Calls.heading }} minWidth={520} modalProps={{ isBlocking: true }}>
        <ErrorBar error={action.error} />
        {notReady.length > 0 && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(strings.Calls.notReady, notReady.join("、"))}</MessageBar>}
        {opened && notices && (
          <MessageBar messageBarType={failed.length ? MessageBarType.warning : MessageBarType.success} isMultiline role="status">
            {fmt(strings.Calls.noticeSent, sent)}
            {failed.length > 0 && <> {fmt(strings.Calls.noticeFailed, failed.map((n) => n.department?.title ?? "").join("、"))}</>}
          </MessageBar>
        )}
        <DialogFooter>
          {opened && failed.length > 0 && <DefaultButton text={strings.Calls.noticeRetry} disabled={action.busy} onClick={() => void announce(opened)} />}
          <PrimaryButton text={common.Close} onClick={onDone} disabled={action.busy} />
        </DialogFooter>
      </Dialog>
    );
  }
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Calls.heading }} minWidth={520} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 8 }}>
        <Dropdown
          label={strings.Columns.form}
          selectedKey={form}
          options={(["form1", "form2", "form4"] as FormKind[]).map((f) => ({ key: f, text: common.Forms[f] }))}
          onChange={(_, o) => {
            if (!o) return;
            const f = o.key as FormKind;
            const y = defaultCallYear(f, year.fiscalYear, today);
            setForm(f);
            setFiscalYear(y);
            setTitle(callTitle(f, y));
          }}
        />
        {form === "form4" && (
          <Dropdown
            label={common.FiscalYear}
            selectedKey={fiscalYear}
            options={[year.fiscalYear, year.fiscalYear - 1].map((y) => ({ key: y, text: fiscalYearLabel(y) }))}
            onChange={(_, o) => {
              if (!o) return;
              setFiscalYear(Number(o.key));
              setTitle(callTitle("form4", Number(o.key)));
            }}
          />
        )}
        <TextField label={strings.Columns.title} required value={title} onChange={(_, v) => setTitle(v ?? "")} errorMessage={fieldError(action.problems, "title")} />
        <TextField label={strings.Columns.deadline} type="date" required value={deadline} min={today} onChange={(_, v) => setDeadline(v ?? "")} errorMessage={fieldError(action.problems, "deadline")} />
        <TextField label={strings.Calls.message} multiline rows={3} value={message} onChange={(_, v) => setMessage(v ?? "")} />
        <MessageBar>{strings.Calls.recipientsAll}</MessageBar>
        {fieldError(action.problems, "form") && <MessageBar messageBarType={MessageBarType.error}>{fieldError(action.problems, "form")}</MessageBar>}
        {fieldError(action.problems, "recipients") && <MessageBar messageBarType={MessageBarType.error}>{fieldError(action.problems, "recipients")}</MessageBar>}
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.Save} onClick={submit} disabled={action.busy} />
        <DefaultButton text={strings.Cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

function BoardPanel({ call, year, canEdit, service, notifications, requestContact, today, portalUrl, onClose, onChanged }: ICallsViewProps & { call: Call; onClose: () => void }): JSX.Element {
  const board = callStatusBoard(call, { partnerProposals: year.partnerProposals, cityProposals: [...year.cityProposals, ...year.noProposal], resultReports: year.resultReports }, today);
  const action = useAction();
  const [sent, setSent] = React.useState<Notification[] | null>(null);
  const [deadline, setDeadline] = React.useState("");
  const [notReady, setNotReady] = React.useState<string[]>([]);
  const remind = async (): Promise<void> => {
    await action.run(async () => {
      const render = (d: { title: string }): string =>
        reminderHtml(
          { callTitle: call.title, deadlineText: call.deadline ? formatEraDate(call.deadline) : "", departmentName: d.title, portalUrl },
          { heading: strings.Calls.reminderHeading, deadline: strings.Columns.deadline, body: strings.Calls.reminderBody, open: strings.Calls.openPortal },
        );
      setSent(await service.remind(call, year, notifications, render));
    });
  };
  const columns: IColumn[] = [
    { key: "recipient", name: strings.Columns.recipient, minWidth: 220, isMultiline: true, onRender: (r: StatusBoardRow) => r.recipient.title },
    { key: "state", name: strings.Columns.status, minWidth: 110, maxWidth: 150, isMultiline: true, onRender: (r: StatusBoardRow) => <span style={{ fontWeight: 600, color: r.state === "late" ? "#a4262c" : r.state === "submitted" ? "#107c10" : r.state === "nothingToReport" || r.state === "noProposal" ? "#005a9e" : "#605e5c" }}>{strings.RecipientState[r.state]}</span> },
    { key: "n", name: strings.Columns.submissions, minWidth: 60, onRender: (r: StatusBoardRow) => r.submissions },
    // Form 1 goes to partners, who are not on Teams: the coordinator contacts them directly, so their contact is here.
    ...(call.form === "form1"
      ? [
          {
            key: "contact",
            name: strings.Matching.contact,
            minWidth: 200,
            isMultiline: true,
            onRender: (r: StatusBoardRow) => {
              const p = year.partners.find((x) => x.id === r.recipient.id);
              if (!p) return null;
              return (
                <span>
                  {p.contactName}
                  {p.contactEmail && (
                    <>
                      {" "}
                      <Link href={followUpMailto(p.contactEmail, { partnerName: p.name, contactName: p.contactName, callTitle: call.title, deadline: call.deadline }) ?? `mailto:${encodeURI(p.contactEmail)}`}>
                        <BreakableText text={p.contactEmail} />
                      </Link>
                    </>
                  )}
                  {p.contactPhone && (
                    <>
                      {" "}
                      <Link href={`tel:${p.contactPhone.replace(/[^0-9+]/g, "")}`}>{p.contactPhone}</Link>
                    </>
                  )}
                </span>
              );
            },
          },
        ]
      : []),
  ];
  const count = (s: string): number => (sent ?? []).filter((n) => n.status === s).length;
  return (
    <Panel isOpen type={PanelType.medium} headerText={call.title} onDismiss={onClose} closeButtonAriaLabel={common.Close}>
      <p>
        {common.Forms[call.form]} · {strings.Columns.deadline}: <DateText date={call.deadline} /> · {strings.CallStatus[callState(call, today)]}
      </p>
      <ErrorBar error={action.error} />
      {notReady.length > 0 && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(strings.Calls.notReady, notReady.join("、"))}</MessageBar>}
      {/* Not green while any department was not reached (failed, or no channel): the one per-department reading of an outcome. */}
      {sent && <MessageBar messageBarType={["success", "none"].includes(deliveryOutcome(sent).level) ? MessageBarType.success : MessageBarType.warning}>{fmt(strings.Calls.remindDone, count("sent"), count("failed"), count("notConfigured"))}</MessageBar>}
      {canEdit && (
        <Stack horizontal wrap tokens={{ childrenGap: 8 }} style={{ margin: "8px 0" }}>
          {call.form !== "form1" ? <PrimaryButton text={strings.Calls.remind} onClick={remind} disabled={action.busy} /> : <MessageBar>{strings.Calls.partnersNoTeams}</MessageBar>}
          <PartnerRequestsButton call={call} year={year} requestContact={requestContact} today={today} />
          {call.status === "open" && <DefaultButton text={strings.Calls.close} onClick={() => void action.run(() => service.closeCall(call)).then((ok) => ok && onChanged())} />}
        </Stack>
      )}
      {canEdit && (call.status === "closed" || (call.deadline && call.deadline < today)) && (
        <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
          <TextField label={strings.Calls.newDeadline} type="date" value={deadline} min={today} onChange={(_, v) => setDeadline(v ?? "")} errorMessage={fieldError(action.problems, "deadline")} />
          <DefaultButton
            text={strings.Calls.reopen}
            onClick={() =>
              void action
                .run(async () => setNotReady((await service.reopenCall(call, deadline)).map((d) => d.title)))
                .then((ok) => ok && onChanged())
            }
          />
        </Stack>
      )}
      <ResponsiveDetailsList items={board} columns={columns} selectionMode={SelectionMode.none} getKey={(r: StatusBoardRow) => String(r.recipient.id)} ariaLabelForGrid={strings.Calls.board} />
    </Panel>
  );
}

import * as React from "react";
import { Checkbox, ChoiceGroup, CommandBar, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, ICommandBarItemProps, IconButton, MessageBar, MessageBarButton, MessageBarType, PrimaryButton, SelectionMode, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import type { ChannelMessage } from "../../../data/contracts";
import { issueReadiness, MatchingService, MatchingYear, RowDraft } from "../../../data/services/MatchingService";
import type { NotificationService } from "../../../data/services/NotificationService";
import { formatEraDate } from "../../../domain/calendar";
import { Candidate, candidateRow, defaultTargets, move, rowAnswerText } from "../../../domain/matching";
import { feedbackCard, feedbackHtml } from "../../../domain/teamsMessages";
import type { CityProposal, Department, Matching, MatchingIssue, Notification } from "../../../domain/types";
import { NotificationTable } from "./NotificationTable";
import { changedFields, ConflictNotice, isConflict, useReloadKeep } from "../../../components/Conflict/ConflictNotice";
import { moreActions } from "../../../components/moreActions";
import { exportFormTable, ExportKind } from "../../../components/formExport";
import { deliveryOutcome } from "../../../domain/deliveryOutcome";
import { form3FileName, form3Table } from "../../../export/form3Export";
import { ContactText } from "../../../components/BreakableText";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";
import { editionTitle } from "../../../components/editionTitle";
import { ColumnFilters, IColumnSortState, IFilterColumn, IListViewState, ListCount, SortValue, useColumnSort, useListView } from "../../../components/ListTools";
import { applyColumnFilters, columnFilterOptions } from "../../../domain/listView";
import { ALL_DEPARTMENTS, canReorder, FORM3_FILTERS, FORM3_TABLE_COLUMNS, FORM3_VIEW_KEYS, listedMatchings, matchingValues } from "../../../domain/matchingListView";
import { normalizeForSearch } from "../../../domain/text";

export interface IMatchingViewProps {
  fiscalYear: number;
  canEdit: boolean;
  service: MatchingService;
  notifications: NotificationService;
  portalUrl: string;
  /** Whose saved view of the list, on which site (kept per site, list and user in the browser, as Forms 1 and 2). */
  viewOwner?: { siteUrl: string; user: string };
}

/**
 * The message each department receives for an edition: HTML and an Adaptive Card, from the same
 * rows; a row made from a city proposal carries the partner's answer and comment with it.
 */
export function renderFeedback(portalUrl: string, cityProposals: CityProposal[] = []) {
  const answerOf = rowAnswerText(cityProposals, common.PartnerAnswer);
  return (dept: Department, rows: Matching[], issue: MatchingIssue): ChannelMessage => {
    const input = {
      editionTitle: issue.title,
      issuedDateText: issue.issuedDate ? formatEraDate(issue.issuedDate) : "",
      departmentName: dept.title,
      portalUrl,
      message: issue.message,
      rows: rows.map((r) => ({ rowNo: r.rowNo, title: r.title, content: r.content, partner: r.partner?.title ?? "", contact: [r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(" / "), answer: answerOf(r) })),
    };
    return { html: feedbackHtml(input, strings.Matching.message), adaptiveCard: feedbackCard(input, strings.Matching.message) };
  };
}

/** 別紙③: suggestions, the list being compiled, issuing with Teams notifications, and what came of them. */
export function MatchingView({ fiscalYear, canEdit, service, notifications, portalUrl, viewOwner }: IMatchingViewProps): JSX.Element {
  const load = useLoad(() => service.year(fiscalYear), [service, fiscalYear]);
  const listView = useListView({ siteUrl: viewOwner?.siteUrl ?? "", list: "form3", user: viewOwner?.user ?? "" }, FORM3_VIEW_KEYS);
  const byColumn = useColumnSort(listView.saved?.sort ?? null);
  const action = useAction();
  const [confirming, setConfirming] = React.useState(false);
  // What the last issue or 再送 came to, with the edition it was for (so 再送 can be offered from it).
  const [outcome, setOutcome] = React.useState<{ issue: MatchingIssue; records: Notification[] } | null>(null);
  // The candidate being accepted whose departments the coordinator chooses (a partner proposal alone).
  const [choosing, setChoosing] = React.useState<Candidate | null>(null);
  const year = load.data;
  if (!year) return <>{load.loading ? <Spinner label={common.Loading} /> : <ErrorBar error={load.error} onReload={load.reload} />}</>;
  const draft = year.issues.find((i) => i.status === "draft");
  const rows = draft ? year.matchings.filter((m) => m.issue?.id === draft.id).sort((a, b) => a.rowNo - b.rowNo) : [];
  const suggestions = service.candidates(year).slice(0, 100);
  const view = form3View(year, canEdit, listView, byColumn);
  const run = async (fn: () => Promise<void>): Promise<void> => {
    if (await action.run(fn)) load.reload();
  };
  // A candidate with a city proposal goes to that proposal's department; one without (a partner
  // proposal alone) opens the row dialog, where the coordinator chooses where it goes.
  const accept = (c: Candidate): Promise<void> => {
    const r = candidateRow(c);
    if (!r.targets) {
      setChoosing(c);
      return Promise.resolve();
    }
    const targets = r.targets;
    return run(async () => {
      const issue = draft ?? (await service.draftIssue(year));
      const row: RowDraft = { title: r.title, content: r.content, partner: r.partner, partnerProposal: r.partnerProposal, cityProposal: r.cityProposal, ...targets };
      await service.addRows(issue, year, [row]);
    });
  };
  const titleOf = (c: Candidate): string => (c.kind === "cityProposal" ? c.cityProposal.title : c.partnerProposal.title);
  const issueNow = (target: MatchingIssue, resendUnknown = false): Promise<void> =>
    run(async () => {
      setConfirming(false);
      setOutcome({ issue: target, records: await service.issue(target, year, notifications, renderFeedback(portalUrl, year.cityProposals), { resendUnknown }) });
    });
  // 別紙③ as filed and circulated (決裁): an issued edition, or the list being compiled, as Excel, CSV or a printable page.
  const exportAs = (issue: MatchingIssue, kind: ExportKind): void => {
    const input = { fiscalYear: year.fiscalYear, issue, rows: year.matchings.filter((m) => m.issue?.id === issue.id), cityProposals: year.cityProposals, wishes: year.wishes, issuer: year.departments.find((d) => d.isCoordinator)?.title ?? "", today: service.asOf() };
    void action.run(() => exportFormTable(kind, form3Table(input), form3FileName(input)));
  };

  const kindText = (c: Candidate): string =>
    c.kind === "pair"
      ? `${strings.Matching.candidateKind.pair}（${c.reasons.map((r) => strings.Matching.reasons[r]).join("・")}）`
      : c.kind === "cityProposal"
        ? fmt(strings.Matching.candidateKind.cityProposal, common.PartnerAnswer[c.cityProposal.partnerAnswer])
        : strings.Matching.candidateKind.partnerProposal;
  const sColumns: IColumn[] = [
    { key: "score", name: strings.Matching.score, minWidth: 50, maxWidth: 60, onRender: (c: Candidate) => (c.kind === "pair" ? c.score : "—") },
    { key: "reason", name: strings.Matching.reason, minWidth: 150, isMultiline: true, onRender: kindText },
    { key: "pp", name: strings.Tabs.form1, minWidth: 180, isMultiline: true, onRender: (c: Candidate) => (c.kind === "cityProposal" ? "—" : `${c.partnerProposal.partner?.title ?? ""}: ${c.partnerProposal.title}`) },
    { key: "cp", name: strings.Tabs.form2, minWidth: 180, isMultiline: true, onRender: (c: Candidate) => (c.kind === "partnerProposal" ? "—" : `${c.cityProposal.department?.title ?? ""} → ${c.cityProposal.partner?.title ?? ""}: ${c.cityProposal.title}（${common.PartnerAnswer[c.cityProposal.partnerAnswer]}）`) },
    {
      key: "act",
      name: "",
      minWidth: 140,
      onRender: (c: Candidate) =>
        canEdit && (
          <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
            <DefaultButton text={strings.Matching.accept} onClick={() => void accept(c)} disabled={action.busy} ariaLabel={`${strings.Matching.accept}: ${titleOf(c)}`} />
            <DefaultButton text={strings.Matching.reject} onClick={() => void run(() => service.reject(year, c.key))} disabled={action.busy} ariaLabel={`${strings.Matching.reject}: ${titleOf(c)}`} />
          </Stack>
        ),
    },
  ];
  return (
    <>
      <ErrorBar error={action.error} onReload={load.reload} />
      {outcome && <IssueOutcome records={outcome.records} canRetry={canEdit} busy={action.busy} onRetry={() => void issueNow(outcome.issue)} />}
      {canEdit && (
        <>
          <Text as="h3" className={frameStyles.sectionTitle}>{strings.Matching.suggestions}</Text>
          <ResponsiveDetailsList items={suggestions} columns={sColumns} selectionMode={SelectionMode.none} compact getKey={(c: Candidate) => c.key} ariaLabelForGrid={strings.Matching.suggestions} />
          {suggestions.length === 0 && <p>{strings.Matching.noSuggestions}</p>}
          {view.filters}
          <DraftEditor year={year} draft={draft} rows={rows} view={view} service={service} busy={action.busy} run={run} onIssue={() => setConfirming(true)} exportItems={draft && rows.length > 0 ? form3ExportItems((k) => exportAs(draft, k), action.busy) : []} />
          {choosing && (
            <RowDialog
              year={year}
              from={candidateRow(choosing)}
              onClose={() => setChoosing(null)}
              onSave={async (r) => {
                const issue = draft ?? (await service.draftIssue(year));
                await service.addRows(issue, year, [r]);
                void run(async () => undefined);
              }}
            />
          )}
        </>
      )}
      {!canEdit && view.filters}
      <Editions year={year} view={view} canEdit={canEdit} busy={action.busy} onRetry={(i, resendUnknown) => void issueNow(i, resendUnknown)} onConfirmPosted={(n) => void run(async () => void (await notifications.confirmPosted(n)))} onExport={exportAs} />
      {confirming && draft && (
        <Dialog hidden={false} onDismiss={() => setConfirming(false)} dialogContentProps={{ type: DialogType.normal, title: strings.Matching.issue, subText: strings.Matching.issueConfirm }} minWidth={520} modalProps={{ isBlocking: true }}>
          <Readiness year={year} issue={draft} notifications={notifications} />
          <DialogFooter>
            <PrimaryButton text={strings.Matching.issue} onClick={() => void issueNow(draft)} disabled={action.busy} />
            <DefaultButton text={strings.Cancel} onClick={() => setConfirming(false)} />
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}

/** What the user's view of Form 3 shows: the filters' bar with the count, and the rows each list shows. */
interface IForm3View {
  filters: JSX.Element;
  /** A list's rows as the view shows them (filtered, in the chosen column's order). */
  shown: (rows: Matching[]) => Matching[];
  /** The list being compiled's columns the view shows (a header click sorts). */
  columns: (columns: IColumn[]) => IColumn[];
  filtered: boolean;
  reorderable: boolean;
  /** Whether an issued edition is among the editions the 回 filter chose (all, when it chooses none). */
  editionShown: (issue: MatchingIssue) => boolean;
}

/**
 * Microsoft Lists' conveniences on Form 3, as on Forms 1 and 2 (the same components and the
 * same storage key scheme, list "form3"): a filter per column over the rows of the list being
 * compiled and of the issued editions, the table's columns shown and its sort, saved per user.
 */
function form3View(year: MatchingYear, canEdit: boolean, listView: IListViewState, byColumn: IColumnSortState): IForm3View {
  const listed = listedMatchings(year.matchings, year.issues, canEdit);
  const valuesOf = matchingValues(year);
  const filters = listView.view.filters;
  const pass = new Set(applyColumnFilters(listed, filters, valuesOf).map((m) => m.id));
  const reading = new Map(year.partners.map((p) => [p.id, normalizeForSearch(p.kana || p.name)]));
  const deptsText = (m: Matching): string => (m.allDepartments ? strings.Matching.allDepartments : m.targetDepartments.map((d) => d.title).join("、"));
  const columnValue = (m: Matching, key: string): SortValue => {
    if (key === "no") return m.rowNo;
    if (key === "title") return m.title;
    if (key === "content") return m.content;
    if (key === "contact") return m.partner ? (reading.get(m.partner.id) ?? m.partner.title) : "";
    if (key === "depts") return deptsText(m);
    return undefined;
  };
  const issueOf = (id: string): MatchingIssue | undefined => year.issues.find((i) => String(i.id) === id);
  const itemTitle = new Map([...year.partnerProposals, ...year.cityProposals].filter((p) => p.partnershipItem).map((p) => [String(p.partnershipItem!.id), p.partnershipItem!.title]));
  const deptIndex = (v: string): number => (v === ALL_DEPARTMENTS ? -1 : year.departments.findIndex((d) => String(d.id) === v));
  const names: Record<string, string> = { edition: strings.Matching.view.edition, dept: strings.Matching.departments, partner: strings.Matching.message.partner, item: strings.Filter.item, wish: strings.Matching.wishes };
  const texts: Record<string, (v: string) => string> = {
    edition: (v) => {
      const i = issueOf(v);
      return i ? (i.status === "draft" ? `${editionTitle(i)}（${strings.Matching.view.draft}）` : editionTitle(i)) : v;
    },
    dept: (v) => (v === ALL_DEPARTMENTS ? strings.Matching.allDepartments : (year.departments.find((d) => String(d.id) === v)?.title ?? v)),
    partner: (v) => year.partners.find((p) => String(p.id) === v)?.name ?? v,
    item: (v) => itemTitle.get(v) || v,
    wish: (v) => (v === "yes" ? strings.Matching.view.wishYes : strings.Matching.view.wishNo),
  };
  const orders: Record<string, (x: string, y: string) => number> = {
    edition: (x, y) => (issueOf(x)?.editionNo ?? 0) - (issueOf(y)?.editionNo ?? 0),
    dept: (x, y) => deptIndex(x) - deptIndex(y),
    partner: (x, y) => (reading.get(Number(x)) ?? "").localeCompare(reading.get(Number(y)) ?? "", "ja"),
    item: (x, y) => (itemTitle.get(x) ?? "").localeCompare(itemTitle.get(y) ?? "", "ja"),
    wish: (x, y) => (x === y ? 0 : x === "yes" ? -1 : 1),
  };
  const filterColumns: IFilterColumn[] = FORM3_FILTERS.map((key) => ({ key, name: names[key], text: texts[key], options: columnFilterOptions(listed, key, filters, valuesOf, orders[key]) }));
  const tableColumns = [
    { key: "no", name: strings.Matching.message.no },
    { key: "title", name: strings.Matching.message.title },
    { key: "content", name: strings.Matching.message.content },
    { key: "contact", name: strings.Matching.contact },
    { key: "depts", name: strings.Matching.departments },
  ].filter((c) => FORM3_TABLE_COLUMNS.includes(c.key));
  const chosenEditions = filters.edition ?? [];
  const filtered = Object.values(filters).some((v) => v.length > 0);
  return {
    filters: (
      <>
        <p style={{ margin: "16px 0 0" }}>{strings.Matching.view.scope}</p>
        <ColumnFilters columns={filterColumns} allColumns={tableColumns} state={listView} sort={byColumn.sort} onReset={() => byColumn.setSort(null)} />
        <ListCount shown={pass.size} total={listed.length} />
      </>
    ),
    shown: (rows) => byColumn.sorted(rows.filter((m) => pass.has(m.id)), columnValue),
    columns: (columns) => byColumn.sortable(columns.filter((c) => !listView.view.hidden.includes(c.key))).map((c) => (c.key === "act" ? { ...c, isSorted: false, onColumnClick: undefined } : c)),
    filtered,
    reorderable: canReorder(filters, byColumn.sort),
    editionShown: (issue) => chosenEditions.length === 0 || chosenEditions.includes(String(issue.id)),
  };
}

/** Before issuing: which departments will be posted to, and which cannot be, and why (with who to ask). */
function Readiness({ year, issue, notifications }: { year: MatchingYear; issue: MatchingIssue; notifications: NotificationService }): JSX.Element {
  // Once per opening of the dialog (the edition does not change while it is open).
  const load = useLoad(() => issueReadiness(year, issue, notifications), [issue.id]);
  if (!load.data) return load.loading ? <Spinner label={strings.Matching.checking} /> : <ErrorBar error={load.error} onReload={load.reload} />;
  const by = (r: string): string => load.data!.filter((x) => x.reach === r).map((x) => x.department.title).join("、");
  const ready = load.data.filter((x) => x.reach === "ready").length;
  return (
    <Stack tokens={{ childrenGap: 6 }} aria-label={strings.Matching.readinessHeading}>
      <MessageBar messageBarType={MessageBarType.success}>{fmt(strings.Matching.willPost, ready)}</MessageBar>
      {by("notMember") && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(strings.Matching.notMemberList, by("notMember"))}</MessageBar>}
      {by("noChannel") && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(strings.Matching.noChannelList, by("noChannel"))}</MessageBar>}
    </Stack>
  );
}

/** Excel, CSV and print of a Form 3 edition, for its command bar. */
function form3ExportItems(onExport: (kind: ExportKind) => void, busy: boolean): ICommandBarItemProps[] {
  return [
    { key: "excel", text: strings.Matching.export.excel, iconProps: { iconName: "ExcelDocument" }, disabled: busy, onClick: () => onExport("excel") },
    { key: "csv", text: strings.Matching.export.csv, iconProps: { iconName: "Download" }, disabled: busy, onClick: () => onExport("csv") },
    { key: "print", text: strings.Matching.export.print, iconProps: { iconName: "Print" }, onClick: () => onExport("print") },
  ];
}

/**
 * After issuing or 再送, per department: all notified (success), some (warning, naming those
 * not reached and why, with 再送), none (error). Never green while a department was not reached.
 */
function IssueOutcome({ records, canRetry, busy, onRetry }: { records: Notification[]; canRetry: boolean; busy: boolean; onRetry: () => void }): JSX.Element {
  const S = strings.Matching.outcome;
  const o = deliveryOutcome(records);
  const list = o.notDelivered.map((d) => fmt(S.item, d.department, S.reasons[d.reason])).join("、");
  const type = { success: MessageBarType.success, partial: MessageBarType.warning, failure: MessageBarType.error, none: MessageBarType.info }[o.level];
  const text = { success: fmt(S.allSent, o.total), partial: fmt(S.partial, o.total, o.notified, o.notDelivered.length, list), failure: fmt(S.allFailed, o.total, list), none: S.none }[o.level];
  const retry = canRetry && o.retriable;
  return (
    <MessageBar messageBarType={type} isMultiline messageBarIconProps={o.level === "partial" ? { iconName: "Warning" } : undefined} styles={{ root: { marginBottom: 8 } }} actions={retry ? <MessageBarButton onClick={onRetry} disabled={busy}>{strings.Matching.retry}</MessageBarButton> : undefined}>
      <div>{text}</div>
      {retry && <div>{S.retryHint}</div>}
      {o.notDelivered.some((d) => d.reason === "noChannel") && <div>{strings.Matching.notNotified}</div>}
      {o.notDelivered.some((d) => d.reason === "forbidden") && <div>{strings.Matching.forbiddenHint}</div>}
    </MessageBar>
  );
}

function DraftEditor({ year, draft, rows, view, service, busy, run, onIssue, exportItems }: { year: MatchingYear; draft: MatchingIssue | undefined; rows: Matching[]; view: IForm3View; service: MatchingService; busy: boolean; run: (fn: () => Promise<void>) => Promise<void>; onIssue: () => void; exportItems: ICommandBarItemProps[] }): JSX.Element {
  const [editing, setEditing] = React.useState<Matching | null>(null);
  const [adding, setAdding] = React.useState(false);
  const reorder = (id: number, delta: -1 | 1): Promise<void> => run(() => service.reorder(draft!, move(rows, id, delta)));
  // Moving rows works on the whole list in its order (No.); while filtered or sorted by another column the buttons are off.
  const fixed = !view.reorderable;
  const columns: IColumn[] = view.columns([
    { key: "no", name: strings.Matching.message.no, minWidth: 30, maxWidth: 36, onRender: (m: Matching) => m.rowNo },
    { key: "title", name: strings.Matching.message.title, minWidth: 140, maxWidth: 240, isMultiline: true, onRender: (m: Matching) => m.title },
    { key: "content", name: strings.Matching.message.content, minWidth: 200, isMultiline: true, onRender: (m: Matching) => <span style={{ whiteSpace: "pre-wrap" }}>{m.content}</span> },
    { key: "contact", name: strings.Matching.contact, minWidth: 160, maxWidth: 260, isMultiline: true, onRender: (m: Matching) => <ContactText parts={[m.partner?.title, m.contactName, m.contactEmail, m.contactPhone]} /> },
    { key: "depts", name: strings.Matching.departments, minWidth: 140, maxWidth: 220, isMultiline: true, onRender: (m: Matching) => (m.allDepartments ? strings.Matching.allDepartments : m.targetDepartments.map((d) => d.title).join("、")) },
    {
      key: "act",
      name: "",
      minWidth: 150,
      onRender: (m: Matching) => (
        <Stack horizontal>
          <IconButton iconProps={{ iconName: "Up" }} title={strings.Matching.up} ariaLabel={`${strings.Matching.up}: ${m.title}`} disabled={busy || fixed || m.rowNo === 1} onClick={() => void reorder(m.id, -1)} />
          <IconButton iconProps={{ iconName: "Down" }} title={strings.Matching.down} ariaLabel={`${strings.Matching.down}: ${m.title}`} disabled={busy || fixed || m.rowNo === rows.length} onClick={() => void reorder(m.id, 1)} />
          <IconButton iconProps={{ iconName: "Edit" }} title={strings.Matching.edit} ariaLabel={`${strings.Matching.edit}: ${m.title}`} onClick={() => setEditing(m)} />
          <IconButton iconProps={{ iconName: "Delete" }} title={strings.Matching.remove} ariaLabel={`${strings.Matching.remove}: ${m.title}`} disabled={busy} onClick={() => void run(() => service.removeRow(draft!, m, rows))} />
        </Stack>
      ),
    },
  ]);
  const shown = view.shown(rows);
  return (
    <>
      <Text as="h3" className={frameStyles.sectionTitle}>
        {strings.Matching.draft}
        {draft ? `（${editionTitle(draft)}）` : ""}
      </Text>
      <CommandBar overflowButtonProps={moreActions}
        items={[
          { key: "hand", text: strings.Matching.addByHand, iconProps: { iconName: "Add" }, onClick: () => setAdding(true), disabled: busy },
          ...(draft && rows.length > 0 ? [{ key: "issue", text: strings.Matching.issue, iconProps: { iconName: "Send" }, onClick: onIssue, disabled: busy }] : []),
          ...exportItems,
        ]}
      />
      {fixed && rows.length > 1 && <MessageBar isMultiline>{strings.Matching.view.reorderOff}</MessageBar>}
      <ResponsiveDetailsList items={shown} columns={columns} selectionMode={SelectionMode.none} getKey={(m: Matching) => String(m.id)} ariaLabelForGrid={strings.Matching.draft} />
      {rows.length === 0 ? <p>{strings.Matching.noRows}</p> : shown.length === 0 && <p>{strings.Matching.view.noneShown}</p>}
      {editing && draft && (
        <RowDialog
          year={year}
          row={editing}
          onClose={() => setEditing(null)}
          fresh={() => service.freshRow(editing.id)}
          onSave={async (r, base) => {
            await service.updateRow(draft, base ?? editing, { title: r.title, content: r.content, allDepartments: r.allDepartments, targetDepartments: r.targetDepartments });
            void run(async () => undefined);
          }}
        />
      )}
      {adding && (
        <RowDialog
          year={year}
          onClose={() => setAdding(false)}
          onSave={async (r) => {
            const issue = draft ?? (await service.draftIssue(year));
            await service.addRows(issue, year, [r]);
            void run(async () => undefined);
          }}
        />
      )}
    </>
  );
}

/** Adds a row by hand (from a Form 1 and/or a Form 2 proposal) or edits one: title, content, departments. */
/**
 * A row of the list being compiled, added by hand or edited. The dialog saves itself and stays
 * open on an error, keeping what was typed; after a 412 it reads the row again (fresh ETag),
 * says what a colleague changed, and the second save stores the coordinator's text.
 */
function RowDialog({ year, row, from, fresh, onClose, onSave }: { year: MatchingYear; row?: Matching; from?: ReturnType<typeof candidateRow>; fresh?: () => Promise<Matching>; onClose: () => void; onSave: (r: RowDraft, base?: Matching) => Promise<void> }): JSX.Element {
  const action = useAction();
  const { base, reloaded, reloadKeep } = useReloadKeep<Matching | undefined>(row, async () => (fresh ? fresh() : row));
  const changed =
    reloaded && row && base
      ? changedFields([
          { label: strings.Matching.message.title, before: row.title, after: base.title },
          { label: strings.Matching.message.content, before: row.content, after: base.content },
          { label: strings.Matching.allDepartments, before: [row.allDepartments, row.targetDepartments.map((d) => d.id)], after: [base.allDepartments, base.targetDepartments.map((d) => d.id)] },
        ])
      : null;
  const [ppId, setPpId] = React.useState<number | null>(row?.partnerProposal?.id ?? from?.partnerProposal?.id ?? null);
  const [cpId, setCpId] = React.useState<number | null>(row?.cityProposal?.id ?? from?.cityProposal?.id ?? null);
  const [title, setTitle] = React.useState(row?.title ?? from?.title ?? "");
  const [content, setContent] = React.useState(row?.content ?? from?.content ?? "");
  // Where the row goes: nothing is ticked for a new row unless a city proposal names its department;
  // the coordinator chooses 全部署 or the departments (the list is always shown for the latter).
  const start = row ? { allDepartments: row.allDepartments, targetDepartments: row.targetDepartments } : from?.targets ?? null;
  const [dest, setDest] = React.useState<"all" | "chosen" | null>(start ? (start.allDepartments ? "all" : "chosen") : null);
  const [ids, setIds] = React.useState(new Set((start?.targetDepartments ?? []).map((d) => d.id)));
  // The departments the last picked city proposal filled in, so choosing another proposal does not keep them silently.
  const filled = React.useRef<number | null>(start && !row && !start.allDepartments ? start.targetDepartments[0]?.id ?? null : null);
  const all = dest === "all";
  const depts = year.departments.filter((d) => d.active && !d.isCoordinator);
  const pp = year.partnerProposals.find((p) => p.id === ppId);
  const cp = year.cityProposals.find((p) => p.id === cpId);
  const pick = (nextPp: number | null, nextCp: number | null): void => {
    setPpId(nextPp);
    setCpId(nextCp);
    const p = year.partnerProposals.find((x) => x.id === nextPp);
    const c = year.cityProposals.find((x) => x.id === nextCp);
    setTitle(p?.title ?? c?.title ?? "");
    setContent([p?.content, c ? `${c.title}: ${c.content}` : ""].filter(Boolean).join("\n"));
    const t = defaultTargets(c);
    if (t) {
      setDest("chosen");
      setIds(new Set(t.targetDepartments.map((d) => d.id)));
      filled.current = t.targetDepartments[0].id;
    } else if (filled.current !== null && dest === "chosen" && ids.size === 1 && ids.has(filled.current)) {
      // The departments came from the proposal just unpicked: choose again.
      setDest(null);
      setIds(new Set());
      filled.current = null;
    }
  };
  const destError = dest === null ? strings.Matching.destinationRequired : dest === "chosen" && ids.size === 0 ? strings.Matching.departmentsRequired : undefined;
  const partner = row?.partner ?? pp?.partner ?? cp?.partner ?? null;
  const mismatch = !!pp && !!cp && pp.partner?.id !== cp.partner?.id;
  const yes = year.cityProposals.filter((p) => p.status === "submitted" && (p.partnerAnswer === "can" || p.partnerAnswer === "discuss"));
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: row ? `${strings.Matching.edit}: ${row.title}` : from ? `${strings.Matching.accept}: ${from.title}` : strings.Matching.addByHand }} minWidth={620} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void action.run(reloadKeep) : undefined} />
      <ConflictNotice changed={changed} />
      <Stack tokens={{ childrenGap: 8 }}>
        {!row && (
          <>
            <Dropdown label={strings.Matching.fromForm1} selectedKey={ppId ?? "none"} options={[{ key: "none", text: "—" }, ...year.partnerProposals.map((p) => ({ key: p.id, text: `${p.partner?.title ?? ""}: ${p.title}` }))]} onChange={(_, o) => o && pick(o.key === "none" ? null : Number(o.key), cpId)} />
            <Dropdown label={strings.Matching.fromForm2} selectedKey={cpId ?? "none"} options={[{ key: "none", text: "—" }, ...yes.map((p) => ({ key: p.id, text: `${p.department?.title ?? ""} → ${p.partner?.title ?? ""}: ${p.title}` }))]} onChange={(_, o) => o && pick(ppId, o.key === "none" ? null : Number(o.key))} errorMessage={mismatch ? strings.Matching.samePartnerOnly : undefined} />
          </>
        )}
        <TextField label={strings.Matching.message.title} required value={title} onChange={(_, v) => setTitle(v ?? "")} />
        <TextField label={strings.Matching.message.content} multiline rows={4} value={content} onChange={(_, v) => setContent(v ?? "")} />
        <ChoiceGroup
          label={strings.Matching.destination}
          required
          selectedKey={dest}
          options={[
            { key: "all", text: strings.Matching.destinationAll },
            { key: "chosen", text: strings.Matching.destinationChosen },
          ]}
          onChange={(_, o) => o && setDest(o.key as "all" | "chosen")}
        />
        {destError && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{destError}</MessageBar>}
        {dest === "chosen" && (
          <div style={{ columns: 2 }} role="group" aria-label={strings.Matching.departments}>
            {depts.map((d) => (
              <Checkbox key={d.id} label={d.title} checked={ids.has(d.id)} onChange={(_, c) => setIds((s) => new Set(c ? [...s, d.id] : [...s].filter((x) => x !== d.id)))} styles={{ root: { marginBottom: 4 } }} />
            ))}
          </div>
        )}
      </Stack>
      <DialogFooter>
        <PrimaryButton
          text={strings.Save}
          disabled={action.busy || !title.trim() || !partner || mismatch || !!destError}
          onClick={() =>
            void action.run(() =>
              onSave(
                {
              title,
              content,
              partner,
              partnerProposal: row ? row.partnerProposal : ppId ? { id: ppId, title: "" } : null,
              cityProposal: row ? row.cityProposal : cpId ? { id: cpId, title: "" } : null,
              allDepartments: all,
              targetDepartments: all ? [] : depts.filter((d) => ids.has(d.id)).map((d) => ({ id: d.id, title: d.title })),
                },
                base,
              ),
            ).then((ok) => ok && onClose())
          }
        />
        <DefaultButton text={strings.Cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

function Editions({ year, view, canEdit, busy, onRetry, onConfirmPosted, onExport }: { year: MatchingYear; view: IForm3View; canEdit: boolean; busy: boolean; onRetry: (i: MatchingIssue, resendUnknown: boolean) => void; onConfirmPosted: (n: Notification) => void; onExport: (i: MatchingIssue, kind: ExportKind) => void }): JSX.Element {
  const issued = year.issues.filter((i) => i.status === "issued" && view.editionShown(i)).sort((a, b) => b.editionNo - a.editionNo);
  return (
    <>
      <Text as="h3" className={frameStyles.sectionTitle}>{strings.Matching.editions}</Text>
      {issued.map((i) => {
        // The rows the view shows, each under its own No. (a filtered list keeps the edition's numbers).
        const rows = view.shown(year.matchings.filter((m) => m.issue?.id === i.id).sort((a, b) => a.rowNo - b.rowNo));
        const records = year.notifications.filter((n) => n.dedupeKey.startsWith(`issue:${i.id}:`));
        return (
          <section key={i.id} aria-label={editionTitle(i)} style={{ border: "1px solid #e1dfdd", borderRadius: 4, padding: 10, marginBottom: 10 }}>
            <Text variant="mediumPlus" style={{ fontWeight: 600 }}>
              {editionTitle(i)}（{i.issuedDate ? formatEraDate(i.issuedDate) : ""}）
            </Text>
            <CommandBar overflowButtonProps={moreActions} ariaLabel={`${strings.Matching.export.label}: ${editionTitle(i)}`} items={form3ExportItems((k) => onExport(i, k), busy)} styles={{ root: { padding: 0 } }} />
            <ol style={{ margin: "6px 0", paddingLeft: 20 }}>
              {rows.map((m) => {
                const wishes = year.wishes.filter((w) => w.matching?.id === m.id);
                return (
                  <li key={m.id} value={m.rowNo}>
                    {m.title} — {m.partner?.title}
                    {wishes.length > 0 && (
                      <span style={{ color: "#107c10", fontWeight: 600 }}>
                        {" "}
                        {strings.Matching.wishes}: {wishes.map((w) => `${w.department?.title}（${w.contactPerson}）`).join("、")}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
            {rows.length === 0 && view.filtered && <p>{strings.Matching.view.noneShown}</p>}
            {records.length > 0 && <NotificationTable records={records} canRetry={canEdit} busy={busy} onRetry={(resendUnknown) => onRetry(i, resendUnknown)} onConfirmPosted={onConfirmPosted} />}
          </section>
        );
      })}
    </>
  );
}

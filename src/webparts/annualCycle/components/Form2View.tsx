import * as React from "react";
import { ChoiceGroup, CommandBar, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, Link, MessageBar, PrimaryButton, SelectionMode, Stack, TextField } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { downloadFile, openHtml, CSV_MIME, XLSX_MIME } from "../../../components/files";
import { useAction } from "../../../components/hooks/useAction";
import type { CycleService, YearData } from "../../../data/services/CycleService";
import { formatEraFiscalYear, formatFiscalYear } from "../../../domain/calendar";
import type { CityProposal, PartnerAnswer } from "../../../domain/types";
import { toCsv } from "../../../export/csv";
import { csvRows, form2ListTable, ListExportKind, ListTable } from "../../../export/cycleListTables";
import { exportListWorkbook } from "./exportListWorkbook";
import { printableTable } from "../../../export/printable";
import { fieldError } from "./cycleProblems";
import { changedFields, ConflictNotice, isConflict, useReloadKeep } from "../../../components/Conflict/ConflictNotice";
import { ReadingProgress } from "../../../components/FileProgress/ReadingProgress";
import { loadCycleExcel, useWorkbookImport } from "./useWorkbookImport";
import { FilePick, ImportReportBar } from "./ImportReportBar";
import { byReading } from "../../../domain/partners";
import { moreActions } from "../../../components/moreActions";
import { ColumnFilters, IFilterColumn, ListCount, SortValue, useColumnSort, useListView } from "../../../components/ListTools";
import { applyColumnFilters, columnFilterOptions } from "../../../domain/listView";
import type { RequestContactService } from "../../../data/services/RequestContactService";
import { PartnerRequestsButton } from "./PartnerRequestsButton";
import { normalizeForSearch } from "../../../domain/text";
import { noProposalOf } from "../../../domain/noProposal";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

export interface IForm2ViewProps {
  year: YearData;
  canEdit: boolean;
  service: CycleService;
  today: string;
  onChanged: () => void;
  /** For 企業等への依頼一式 (all partners at once); loaded beside the year. */
  requestContact?: RequestContactService;
  /** Whose saved view of the list, on which site (kept per site, list and user in the browser). */
  viewOwner?: { siteUrl: string; user: string };
}

const answers: PartnerAnswer[] = ["pending", "can", "cannot", "discuss"];

/** Form 2's columns a view can filter by, and those it can hide. */
const FORM2_FILTERS = ["dept", "partner", "answer"];
const FORM2_COLUMNS = ["dept", "partner", "title", "content", "answer", "date"];
/** A proposal's value in a filtered column (ids and codes; shown by their labels). */
function form2Values(p: CityProposal, key: string): string[] {
  if (key === "dept") return [p.department ? String(p.department.id) : ""];
  if (key === "partner") return [p.partner ? String(p.partner.id) : ""];
  if (key === "answer") return [p.partnerAnswer];
  return [];
}

/** 別紙②: city proposals, passed to each partner (Excel, printable) and their answers (by hand or imported). */
export function Form2View({ year, canEdit, service, today, onChanged, requestContact, viewOwner }: IForm2ViewProps): JSX.Element {
  const listView = useListView({ siteUrl: viewOwner?.siteUrl ?? "", list: "form2", user: viewOwner?.user ?? "" }, FORM2_COLUMNS);
  const [partnerId, setPartnerId] = React.useState<number | "all">("all");
  const [deptId, setDeptId] = React.useState<number | "all">("all");
  const [answer, setAnswer] = React.useState<PartnerAnswer | "all">("all");
  const [answering, setAnswering] = React.useState<CityProposal | null>(null);
  const action = useAction();
  const imports = useWorkbookImport(action, onChanged);
  const itemLabel = (p: CityProposal): string => {
    const i = year.items.find((x) => x.id === p.partnershipItem?.id);
    return i ? `${fmt(common.ItemNo, i.itemNo)} ${i.text}` : "";
  };
  const submitted = year.cityProposals.filter((p) => p.status === "submitted");
  // Departments that answered the year's Form 2 with 提案なし (never rows of the list above).
  const noProposal = noProposalOf(year.noProposal).sort((a, b) => a.department.title.localeCompare(b.department.title, "ja"));
  // Headers sort as in Microsoft Lists: partners by reading (フリガナ), answers in the filter's order, dates in order.
  const byColumn = useColumnSort(listView.saved?.sort ?? null);
  const reading = new Map(year.partners.map((p) => [p.id, normalizeForSearch(p.kana || p.name)]));
  const columnValue = (p: CityProposal, key: string): SortValue => {
    if (key === "dept") return p.department?.title;
    if (key === "partner") return p.partner ? (reading.get(p.partner.id) ?? p.partner.title) : "";
    if (key === "title") return p.title;
    if (key === "content") return p.content;
    if (key === "answer") return answers.indexOf(p.partnerAnswer);
    return p.answerDate;
  };
  const rows = byColumn.sorted(
    applyColumnFilters(submitted, listView.view.filters, form2Values).filter((p) => (partnerId === "all" || p.partner?.id === partnerId) && (deptId === "all" || p.department?.id === deptId) && (answer === "all" || p.partnerAnswer === answer)),
    columnValue,
  );
  const partner = partnerId === "all" ? undefined : year.partners.find((p) => p.id === partnerId);
  const forPartner = partner ? submitted.filter((p) => p.partner?.id === partner.id) : [];

  const exportXlsx = async (): Promise<void> => {
    if (!partner) return;
    await action.run(async () => {
      const { excel, buildAnswersWorkbook } = await loadCycleExcel();
      const buf = await buildAnswersWorkbook(excel, partner.name, year.fiscalYear, forPartner, itemLabel);
      downloadFile(buf, `別紙②_${year.fiscalYear}年度_${partner.name}.xlsx`, XLSX_MIME);
    });
  };
  const printable = (): void => {
    if (!partner) return;
    openHtml(
      printableTable(
        `${strings.Form2.printTitle} — ${partner.name}`,
        formatFiscalYear(year.fiscalYear),
        ["No", strings.Columns.department, strings.Columns.item, strings.Columns.title, strings.Columns.content, strings.Columns.answer],
        forPartner.map((p, i) => [String(i + 1), p.department?.title ?? "", itemLabel(p), p.title, p.content, p.partnerAnswer === "pending" ? "" : common.PartnerAnswer[p.partnerAnswer]]),
      ),
    );
  };
  const importAnswers = (data: ArrayBuffer): Promise<boolean> =>
    imports.start(async () => {
      const parsed = await imports.reading.parse({ kind: "answers", data });
      const target = year.partners.find((p) => p.name === parsed.partnerName);
      if (!target) return fmt(strings.Import.errors.unknownPartner, parsed.partnerName);
      const r = await service.importAnswers(parsed.rows, submitted.filter((p) => p.partner?.id === target.id));
      return { ...r, errors: [...parsed.problems, ...r.errors] };
    });
  // The list as shown (column filters, the choices above and sort), as CSV or as Excel with real dates.
  const table = (kind: ListExportKind): ListTable => form2ListTable(rows, kind, { item: itemLabel, viewpoint: strings.Viewpoint, answer: common.PartnerAnswer });
  const csv = (): void => {
    const { header, data } = table("csv");
    downloadFile(toCsv(header, csvRows(data)), `別紙②_${year.fiscalYear}年度.csv`, CSV_MIME);
  };
  const excel = (): Promise<boolean> =>
    action.run(async () => {
      const { header, data } = table("excel");
      await exportListWorkbook(fmt(strings.Form2.excelTitle, formatEraFiscalYear(year.fiscalYear), year.fiscalYear), "別紙②", header, data, { today, total: submitted.length }, `別紙②_${year.fiscalYear}年度.xlsx`);
    });

  const allColumns: IColumn[] = byColumn.sortable([
    { key: "dept", name: strings.Columns.department, minWidth: 130, maxWidth: 200, isMultiline: true, onRender: (p: CityProposal) => p.department?.title },
    { key: "partner", name: strings.Columns.partner, minWidth: 130, maxWidth: 200, isMultiline: true, onRender: (p: CityProposal) => p.partner?.title },
    { key: "title", name: strings.Columns.title, minWidth: 150, maxWidth: 240, isMultiline: true, onRender: (p: CityProposal) => (canEdit ? <Link onClick={() => setAnswering(p)}>{p.title}</Link> : p.title) },
    { key: "content", name: strings.Columns.content, minWidth: 200, isMultiline: true, onRender: (p: CityProposal) => p.content },
    { key: "answer", name: strings.Columns.answer, minWidth: 70, maxWidth: 100, onRender: (p: CityProposal) => common.PartnerAnswer[p.partnerAnswer] },
    { key: "date", name: strings.Columns.answerDate, minWidth: 100, maxWidth: 130, isMultiline: true, onRender: (p: CityProposal) => <DateText date={p.answerDate} /> },
  ]);
  const columns = allColumns.filter((c) => !listView.view.hidden.includes(c.key));
  const filterColumns: IFilterColumn[] = FORM2_FILTERS.map((key) => ({
    key,
    name: allColumns.find((c) => c.key === key)!.name,
    text: key === "dept" ? (v: string) => year.departments.find((d) => String(d.id) === v)?.title ?? v : key === "partner" ? (v: string) => year.partners.find((p) => String(p.id) === v)?.name ?? v : (v: string) => common.PartnerAnswer[v as PartnerAnswer] ?? v,
    options: columnFilterOptions(
      submitted,
      key,
      listView.view.filters,
      form2Values,
      key === "dept" ? (x, y) => year.departments.findIndex((d) => String(d.id) === x) - year.departments.findIndex((d) => String(d.id) === y) : key === "partner" ? (x, y) => (reading.get(Number(x)) ?? "").localeCompare(reading.get(Number(y)) ?? "", "ja") : (x, y) => answers.indexOf(x as PartnerAnswer) - answers.indexOf(y as PartnerAnswer),
    ),
  }));
  const departments = year.departments.filter((d) => submitted.some((p) => p.department?.id === d.id));
  const partners = year.partners.filter((d) => submitted.some((p) => p.partner?.id === d.id)).sort(byReading);
  return (
    <>
      {canEdit && <CommandBar overflowButtonProps={moreActions} items={[{ key: "excel", text: strings.Form2.excel, iconProps: { iconName: "ExcelDocument" }, disabled: rows.length === 0 || action.busy, onClick: () => void excel() }, { key: "csv", text: strings.Form2.csv, iconProps: { iconName: "Download" }, onClick: csv }]} />}
      <ErrorBar error={action.error} />
      <ImportReportBar report={imports.report} fileError={imports.fileError} onDismiss={imports.dismiss} />
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
        <Dropdown label={strings.Filter.partner} selectedKey={partnerId} options={[{ key: "all", text: strings.Filter.all }, ...partners.map((p) => ({ key: p.id, text: p.name }))]} onChange={(_, o) => o && setPartnerId(o.key === "all" ? "all" : Number(o.key))} styles={{ root: { minWidth: 200 } }} />
        <Dropdown label={strings.Filter.department} selectedKey={deptId} options={[{ key: "all", text: strings.Filter.all }, ...departments.map((d) => ({ key: d.id, text: d.title }))]} onChange={(_, o) => o && setDeptId(o.key === "all" ? "all" : Number(o.key))} styles={{ root: { minWidth: 200 } }} />
        <Dropdown label={strings.Filter.answer} selectedKey={answer} options={[{ key: "all", text: strings.Filter.all }, ...answers.map((a) => ({ key: a, text: common.PartnerAnswer[a] }))]} onChange={(_, o) => o && setAnswer(o.key as PartnerAnswer | "all")} styles={{ root: { minWidth: 120 } }} />
        {canEdit && <DefaultButton text={strings.Form2.passToPartner} disabled={!partner || action.busy} onClick={exportXlsx} />}
        {canEdit && <DefaultButton text={strings.Form2.printable} disabled={!partner} onClick={printable} />}
        {canEdit && <PartnerRequestsButton call={year.calls.find((c) => c.form === "form2")} year={year} requestContact={requestContact} today={today} />}
        {canEdit && <FilePick label={strings.Form2.importAnswers} onFile={(d) => void importAnswers(d)} disabled={action.busy} />}
        <ReadingProgress progress={imports.reading.progress} onCancel={imports.reading.cancel} />
      </Stack>
      <ColumnFilters columns={filterColumns} allColumns={allColumns.map((c) => ({ key: c.key, name: c.name }))} state={listView} sort={byColumn.sort} onReset={() => byColumn.setSort(null)} />
      <ListCount shown={rows.length} total={submitted.length} />
      <ResponsiveDetailsList items={rows} columns={columns} selectionMode={SelectionMode.none} getKey={(p: CityProposal) => String(p.id)} ariaLabelForGrid={strings.Tabs.form2} />
      {rows.length === 0 && <p>{common.NoItems}</p>}
      {noProposal.length > 0 && (
        <MessageBar isMultiline data-testid="form2-no-proposal-departments">
          {fmt(strings.Form2.noProposalDepartments, noProposal.length, noProposal.map((n) => n.department.title).join("、"))}
        </MessageBar>
      )}
      {answering && <AnswerDialog proposal={answering} service={service} today={today} onClose={() => setAnswering(null)} onDone={() => { setAnswering(null); onChanged(); }} />}
    </>
  );
}

function AnswerDialog({ proposal, service, today, onClose, onDone }: { proposal: CityProposal; service: CycleService; today: string; onClose: () => void; onDone: () => void }): JSX.Element {
  const [answer, setAnswer] = React.useState<PartnerAnswer>(proposal.partnerAnswer);
  const [comment, setComment] = React.useState(proposal.answerComment);
  const [date, setDate] = React.useState(proposal.answerDate ?? today);
  const action = useAction();
  // After a 412 (or an answer recorded meanwhile): the answer read again, what was typed kept.
  const { base, reloaded, reloadKeep } = useReloadKeep(proposal, () => service.freshAnswer(proposal));
  const changed = reloaded
    ? changedFields([
        { label: strings.Columns.answer, before: proposal.partnerAnswer, after: base.partnerAnswer },
        { label: strings.Columns.comment, before: proposal.answerComment, after: base.answerComment },
        { label: strings.Columns.answerDate, before: proposal.answerDate, after: base.answerDate },
      ])
    : null;
  const submit = async (): Promise<void> => {
    if (await action.run(async () => void (await service.recordAnswer(base, answer, comment, date || null)))) onDone();
  };
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Form2.record, subText: `${proposal.partner?.title ?? ""} — ${proposal.title}` }} minWidth={520} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void action.run(reloadKeep) : onClose} />
      <ConflictNotice changed={changed} />
      <Stack tokens={{ childrenGap: 8 }}>
        <ChoiceGroup label={strings.Columns.answer} required selectedKey={answer} options={(["can", "cannot", "discuss"] as PartnerAnswer[]).map((a) => ({ key: a, text: common.PartnerAnswer[a] }))} onChange={(_, o) => o && setAnswer(o.key as PartnerAnswer)} />
        {fieldError(action.problems, "partnerAnswer") && <div role="alert" style={{ color: "#a4262c" }}>{fieldError(action.problems, "partnerAnswer")}</div>}
        <TextField label={strings.Columns.comment} multiline rows={3} value={comment} onChange={(_, v) => setComment(v ?? "")} errorMessage={fieldError(action.problems, "answerComment")} />
        <TextField label={strings.Columns.answerDate} type="date" required value={date} onChange={(_, v) => setDate(v ?? "")} errorMessage={fieldError(action.problems, "answerDate")} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.Save} onClick={submit} disabled={action.busy} />
        <DefaultButton text={strings.Cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

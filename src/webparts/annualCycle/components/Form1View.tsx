import * as React from "react";
import { ChoiceGroup, CommandBar, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, Label, PrimaryButton, SearchBox, SelectionMode, Stack, TextField } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { fmt } from "../../../components/format";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { downloadFile, CSV_MIME, XLSX_MIME } from "../../../components/files";
import { useAction } from "../../../components/hooks/useAction";
import type { CycleService, YearData } from "../../../data/services/CycleService";
import { matchesSearch, normalizeForSearch } from "../../../domain/text";
import type { PartnerProposal, ProposalTiming } from "../../../domain/types";
import { toCsv } from "../../../export/csv";
import { csvRows, form1ListTable, ListExportKind, ListTable } from "../../../export/cycleListTables";
import { formatEraFiscalYear } from "../../../domain/calendar";
import { exportListWorkbook } from "./exportListWorkbook";
import { fieldError } from "./cycleProblems";
import { ReadingProgress } from "../../../components/FileProgress/ReadingProgress";
import { loadCycleExcel, useWorkbookImport } from "./useWorkbookImport";
import { FilePick, ImportReportBar } from "./ImportReportBar";
import { byReading } from "../../../domain/partners";
import { moreActions } from "../../../components/moreActions";
import { ColumnFilters, IFilterColumn, ListCount, SortValue, useColumnSort, useListView } from "../../../components/ListTools";
import { applyColumnFilters, columnFilterOptions } from "../../../domain/listView";
import type { RequestContactService } from "../../../data/services/RequestContactService";
import { PartnerRequestsButton } from "./PartnerRequestsButton";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

const timings: ProposalTiming[] = ["startOfYear", "anyTime"];

export interface IForm1ViewProps {
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

/** Form 1's columns a view can filter by, and those it can hide. */
const FORM1_FILTERS = ["partner", "item", "timing"];
const FORM1_COLUMNS = ["partner", "item", "title", "content", "timing", "received"];
/** A proposal's value in a filtered column (ids and codes; shown by their labels). */
function form1Values(p: PartnerProposal, key: string): string[] {
  if (key === "partner") return [p.partner ? String(p.partner.id) : ""];
  if (key === "item") return [p.partnershipItem ? String(p.partnershipItem.id) : ""];
  if (key === "timing") return [p.timing];
  return [];
}

/** 別紙①: partners' proposals — recorded by hand, or exported to and imported from the partner's workbook. */
export function Form1View({ year, canEdit, service, today, onChanged, requestContact, viewOwner }: IForm1ViewProps): JSX.Element {
  const listView = useListView({ siteUrl: viewOwner?.siteUrl ?? "", list: "form1", user: viewOwner?.user ?? "" }, FORM1_COLUMNS);
  const [partnerId, setPartnerId] = React.useState<number | "all">("all");
  const [search, setSearch] = React.useState("");
  const [adding, setAdding] = React.useState(false);
  const action = useAction();
  const imports = useWorkbookImport(action, onChanged);
  const partnersWithItems = year.partners.filter((p) => year.itemsOfPartner.has(p.id)).sort(byReading);
  const itemLabel = (id: number | undefined): string => {
    const i = year.items.find((x) => x.id === id);
    return i ? `${fmt(common.ItemNo, i.itemNo)} ${i.text}` : "";
  };
  // Headers sort as in Microsoft Lists: partners by reading (フリガナ), items by number, dates in order.
  const byColumn = useColumnSort(listView.saved?.sort ?? null);
  const reading = new Map(year.partners.map((p) => [p.id, normalizeForSearch(p.kana || p.name)]));
  const columnValue = (p: PartnerProposal, key: string): SortValue => {
    if (key === "partner") return p.partner ? (reading.get(p.partner.id) ?? p.partner.title) : "";
    if (key === "item") return year.items.find((x) => x.id === p.partnershipItem?.id)?.itemNo;
    if (key === "title") return p.title;
    if (key === "content") return p.content;
    if (key === "timing") return timings.indexOf(p.timing);
    return p.receivedDate;
  };
  const rows = byColumn.sorted(
    applyColumnFilters(year.partnerProposals, listView.view.filters, form1Values).filter((p) => (partnerId === "all" || p.partner?.id === partnerId) && matchesSearch([p.title, p.content], search)),
    columnValue,
  );
  const partner = partnerId === "all" ? undefined : year.partners.find((p) => p.id === partnerId);

  const download = async (): Promise<void> => {
    if (!partner) return;
    await action.run(async () => {
      const { excel, buildForm1Workbook } = await loadCycleExcel();
      const buf = await buildForm1Workbook(excel, partner.name, year.fiscalYear, year.itemsOfPartner.get(partner.id) ?? []);
      downloadFile(buf, `別紙①_${year.fiscalYear}年度_${partner.name}.xlsx`, XLSX_MIME);
    });
  };
  const importFile = (data: ArrayBuffer): Promise<boolean> =>
    imports.start(async () => {
      const parsed = await imports.reading.parse({ kind: "form1", data });
      const call = year.calls.find((c) => c.form === "form1");
      const r = await service.importPartnerProposals(
        parsed.rows.map((row) => ({ ...row, partnerName: parsed.partnerName })),
        year,
        call?.id ?? null,
      );
      return { ...r, errors: [...parsed.problems, ...r.errors] };
    });
  // The list as shown (column filters, partner, search and sort), as CSV or as Excel with real dates.
  const table = (kind: ListExportKind): ListTable => form1ListTable(rows, kind, { item: (p) => itemLabel(p.partnershipItem?.id), timing: strings.Timing });
  const csv = (): void => {
    const { header, data } = table("csv");
    downloadFile(toCsv(header, csvRows(data)), `別紙①_${year.fiscalYear}年度.csv`, CSV_MIME);
  };
  const excel = (): Promise<boolean> =>
    action.run(async () => {
      const { header, data } = table("excel");
      await exportListWorkbook(fmt(strings.Form1.excelTitle, formatEraFiscalYear(year.fiscalYear), year.fiscalYear), "別紙①", header, data, { today, total: year.partnerProposals.length }, `別紙①_${year.fiscalYear}年度.xlsx`);
    });

  const allColumns: IColumn[] = byColumn.sortable([
    { key: "partner", name: strings.Columns.partner, minWidth: 140, maxWidth: 220, isMultiline: true, onRender: (p: PartnerProposal) => p.partner?.title },
    { key: "item", name: strings.Columns.item, minWidth: 150, maxWidth: 240, isMultiline: true, onRender: (p: PartnerProposal) => itemLabel(p.partnershipItem?.id) },
    { key: "title", name: strings.Columns.title, minWidth: 140, maxWidth: 220, isMultiline: true, onRender: (p: PartnerProposal) => p.title },
    { key: "content", name: strings.Columns.content, minWidth: 200, isMultiline: true, onRender: (p: PartnerProposal) => p.content },
    { key: "timing", name: strings.Columns.timing, minWidth: 70, maxWidth: 90, isMultiline: true, onRender: (p: PartnerProposal) => strings.Timing[p.timing] },
    { key: "received", name: strings.Columns.received, minWidth: 100, maxWidth: 130, isMultiline: true, onRender: (p: PartnerProposal) => <DateText date={p.receivedDate} /> },
  ]);
  const columns = allColumns.filter((c) => !listView.view.hidden.includes(c.key));
  const filterColumns: IFilterColumn[] = FORM1_FILTERS.map((key) => ({
    key,
    name: allColumns.find((c) => c.key === key)!.name,
    text: key === "partner" ? (v: string) => year.partners.find((p) => String(p.id) === v)?.name ?? v : key === "item" ? (v: string) => itemLabel(Number(v)) || v : (v: string) => strings.Timing[v as ProposalTiming] ?? v,
    options: columnFilterOptions(
      year.partnerProposals,
      key,
      listView.view.filters,
      form1Values,
      key === "partner" ? (x, y) => (reading.get(Number(x)) ?? "").localeCompare(reading.get(Number(y)) ?? "", "ja") : key === "item" ? (x, y) => (year.items.find((i) => String(i.id) === x)?.itemNo ?? 0) - (year.items.find((i) => String(i.id) === y)?.itemNo ?? 0) : (x, y) => timings.indexOf(x as ProposalTiming) - timings.indexOf(y as ProposalTiming),
    ),
  }));
  return (
    <>
      {canEdit && <CommandBar overflowButtonProps={moreActions} items={[{ key: "add", text: strings.Form1.add, iconProps: { iconName: "Add" }, onClick: () => setAdding(true) }, { key: "excel", text: strings.Form1.excel, iconProps: { iconName: "ExcelDocument" }, disabled: rows.length === 0 || action.busy, onClick: () => void excel() }, { key: "csv", text: strings.Form1.csv, iconProps: { iconName: "Download" }, onClick: csv }]} />}
      <ErrorBar error={action.error} />
      <ImportReportBar report={imports.report} fileError={imports.fileError} onDismiss={imports.dismiss} />
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
        <Dropdown label={strings.Filter.partner} selectedKey={partnerId} options={[{ key: "all", text: strings.Filter.all }, ...partnersWithItems.map((p) => ({ key: p.id, text: p.name }))]} onChange={(_, o) => o && setPartnerId(o.key === "all" ? "all" : Number(o.key))} styles={{ root: { minWidth: 220 } }} />
        <Stack>
          <Label htmlFor="pd-form1-search">{strings.Filter.search}</Label>
          <SearchBox id="pd-form1-search" value={search} onChange={(_, v) => setSearch(v ?? "")} styles={{ root: { minWidth: 220 } }} />
        </Stack>
        {canEdit && <DefaultButton text={strings.Form1.download} disabled={!partner || action.busy} onClick={download} title={partner ? undefined : strings.Form1.choosePartner} />}
        {canEdit && <PartnerRequestsButton call={year.calls.find((c) => c.form === "form1")} year={year} requestContact={requestContact} today={today} />}
        {canEdit && <FilePick label={strings.Form1.import} onFile={(d) => void importFile(d)} disabled={action.busy} />}
        <ReadingProgress progress={imports.reading.progress} onCancel={imports.reading.cancel} />
      </Stack>
      <ColumnFilters columns={filterColumns} allColumns={allColumns.map((c) => ({ key: c.key, name: c.name }))} state={listView} sort={byColumn.sort} onReset={() => byColumn.setSort(null)} />
      <ListCount shown={rows.length} total={year.partnerProposals.length} />
      <ResponsiveDetailsList items={rows} columns={columns} selectionMode={SelectionMode.none} getKey={(p: PartnerProposal) => String(p.id)} ariaLabelForGrid={strings.Tabs.form1} />
      {rows.length === 0 && <p>{strings.Form1.none}</p>}
      {adding && <AddProposalDialog year={year} service={service} today={today} onClose={() => setAdding(false)} onDone={() => { setAdding(false); onChanged(); }} />}
    </>
  );
}

function AddProposalDialog({ year, service, today, onClose, onDone }: { year: YearData; service: CycleService; today: string; onClose: () => void; onDone: () => void }): JSX.Element {
  const [partnerId, setPartnerId] = React.useState<number | null>(null);
  const [itemId, setItemId] = React.useState<number | null>(null);
  const [title, setTitle] = React.useState("");
  const [content, setContent] = React.useState("");
  const [timing, setTiming] = React.useState<ProposalTiming>("startOfYear");
  const action = useAction();
  const items = partnerId ? (year.itemsOfPartner.get(partnerId) ?? []) : [];
  const call = year.calls.find((c) => c.form === "form1");
  const submit = async (): Promise<void> => {
    const partner = year.partners.find((p) => p.id === partnerId);
    const ok = await action.run(async () =>
      void (await service.addPartnerProposal(
        { title, content, timing, fiscalYear: year.fiscalYear, partner: partner ? { id: partner.id, title: partner.name } : null, partnershipItem: itemId ? { id: itemId, title: "" } : null, call: timing === "startOfYear" && call ? { id: call.id, title: call.title } : null, receivedDate: today, importKey: "" },
        year,
      )),
    );
    if (ok) onDone();
  };
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Form1.add }} minWidth={560} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} />
      <Stack tokens={{ childrenGap: 8 }}>
        <Dropdown label={strings.Columns.partner} required selectedKey={partnerId ?? undefined} options={year.partners.filter((p) => year.itemsOfPartner.has(p.id)).map((p) => ({ key: p.id, text: p.name }))} onChange={(_, o) => { if (o) { setPartnerId(Number(o.key)); setItemId(null); } }} errorMessage={fieldError(action.problems, "partner")} />
        <Dropdown label={strings.Columns.item} required disabled={!partnerId} selectedKey={itemId ?? undefined} options={items.map((i) => ({ key: i.id, text: `${fmt(common.ItemNo, i.itemNo)} ${i.text}` }))} onChange={(_, o) => o && setItemId(Number(o.key))} errorMessage={fieldError(action.problems, "partnershipItem")} />
        <TextField label={strings.Columns.title} required value={title} onChange={(_, v) => setTitle(v ?? "")} errorMessage={fieldError(action.problems, "title")} />
        <TextField label={strings.Columns.content} required multiline rows={4} value={content} onChange={(_, v) => setContent(v ?? "")} errorMessage={fieldError(action.problems, "content")} />
        <ChoiceGroup label={strings.Columns.timing} selectedKey={timing} options={[{ key: "startOfYear", text: strings.Timing.startOfYear }, { key: "anyTime", text: strings.Timing.anyTime }]} onChange={(_, o) => o && setTiming(o.key as ProposalTiming)} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.Save} onClick={submit} disabled={action.busy} />
        <DefaultButton text={strings.Cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

import * as React from "react";
import { IColumn, Link } from "@fluentui/react";
import { DataGrid, Flex, SearchField, Select, Toolbar } from "../../../components/light";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { DateText } from "../../../components/DateText";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { fmt } from "../../../components/format";
import { CSV_MIME, downloadFile, openHtml, XLSX_MIME } from "../../../components/files";
import { toCsv } from "../../../export/csv";
import { printableTable } from "../../../export/printable";
import { fiscalYearOf, formatEraDate, formatFiscalYear } from "../../../domain/calendar";
import type { Agreement, AgreementStatus, Partner, PartnershipItem } from "../../../domain/types";
import type { Role } from "../../../domain/roles";
import { agreementPartners, isPartnerOf, itemCountByAgreement, partnerNamesText, visibleAgreements } from "../../../domain/agreements";
import { matchesSearch } from "../../../domain/text";
import { reviewCalendar } from "../../../domain/review";
import { byReading } from "../../../domain/partners";
import { ColumnFilters, columnSorter, IFilterColumn, ListCount, SortValue, useColumnSort, useListView } from "../../../components/ListTools";
import { applyColumnFilters, columnFilterOptions } from "../../../domain/listView";
import { registerTable } from "../../../export/registerTable";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";

export interface IRegisterProps {
  agreements: Agreement[];
  items: PartnershipItem[];
  partners: Partner[];
  role: Role;
  today: string;
  onOpen: (a: Agreement) => void;
  /** Whose saved view, of which site's register (a view is kept per site, list and user in the browser). */
  viewOwner?: { siteUrl: string; user: string };
}

interface Row {
  agreement: Agreement;
  items: number;
}

/** The register's columns a view can filter by: values as stored (ids, codes, fiscal years), shown by their labels. */
const FILTER_KEYS = ["partner", "status", "concluded", "termEnd"] as const;
/** Every column a view can hide (the title, which opens the agreement, always stays). */
const HIDEABLE_KEYS = ["partner", "status", "concluded", "termEnd", "decision", "items"];

/** A row's values in a filtered column: each partner (連名), the status, the fiscal year of a date ("" when none). */
function filterValues(r: Row, key: string): string[] {
  const a = r.agreement;
  const fy = (d: string | null): string => (d ? String(fiscalYearOf(d)) : "");
  if (key === "partner") return agreementPartners(a).map((p) => String(p.id));
  if (key === "status") return [a.status];
  if (key === "concluded") return [fy(a.concludedDate)];
  if (key === "termEnd") return [fy(a.termEnd)];
  return [];
}

type SortKey = "concludedDesc" | "nextReview" | "title" | "partner";
const statuses: AgreementStatus[] = ["approached", "preparing", "surveying", "concluded", "declined", "underReview", "terminated"];

/** What a row shows in a clicked column: names by their reading (フリガナ), dates in order (empty last). */
function columnValue(r: Row, key: string, kana: Map<number, string>): SortValue {
  const a = r.agreement;
  if (key === "title") return a.title;
  if (key === "partner") return a.partner ? (kana.get(a.partner.id) ?? a.partner.title) : ""; // 連名: by the first named
  if (key === "status") return statuses.indexOf(a.status);
  if (key === "concluded") return a.concludedDate;
  if (key === "termEnd") return a.termEnd;
  if (key === "decision") return a.nextDecisionDate;
  return r.items;
}

/** ISO dates (YYYY-MM-DD) compare as strings: no locale rules needed (localeCompare costs ≈ 10 ms on 300 rows). */
const byIsoDate = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

const sorters: Record<SortKey, (a: Row, b: Row) => number> = {
  concludedDesc: (a, b) => byIsoDate(b.agreement.concludedDate ?? "", a.agreement.concludedDate ?? ""),
  nextReview: (a, b) => byIsoDate(a.agreement.nextReviewDate ?? "9999", b.agreement.nextReviewDate ?? "9999"),
  title: (a, b) => a.agreement.title.localeCompare(b.agreement.title, "ja"),
  // As the partner filter orders them: without the legal form (「(株)ひまわり薬局」 under ひ).
  partner: (a, b) => byReading({ name: a.agreement.partner?.title ?? "", kana: "" }, { name: b.agreement.partner?.title ?? "", kana: "" }),
};

/** 協定台帳: every agreement the user may see, filtered, searched and sorted on the client (one batched read). */
export function Register({ agreements, items, partners, role, today, onOpen, viewOwner }: IRegisterProps): JSX.Element {
  // The user's saved view of the register (filters per column, sort, columns), as Microsoft Lists keeps views.
  const listView = useListView({ siteUrl: viewOwner?.siteUrl ?? "", list: "agreements", user: viewOwner?.user ?? "" }, ["title", ...HIDEABLE_KEYS]);
  const [status, setStatus] = React.useState<AgreementStatus | "all">("all");
  const [partnerId, setPartnerId] = React.useState<number | "all">("all");
  const [search, setSearch] = React.useState("");
  const [sort, setSort] = React.useState<SortKey>("concludedDesc");
  // A column header clicked: sorts by that column (again: the other way), as Microsoft Lists does.
  const byColumn = useColumnSort(listView.saved?.sort ?? null);
  const kana = React.useMemo(() => new Map(partners.map((p) => [p.id, p.kana || p.name])), [partners]);
  const nameOf = React.useMemo(() => new Map(partners.map((p) => [p.id, p.name])), [partners]);
  // Every partner of the agreement (連名: 「A大学、B大学及びC大学」), by the names the partners list has now.
  const partnersText = (a: Agreement): string => partnerNamesText(a, (p) => nameOf.get(p.id) ?? p.title);

  const rows = React.useMemo<Row[]>(() => {
    const counts = itemCountByAgreement(items);
    return visibleAgreements(role, agreements).map((a) => ({ agreement: a, items: counts.get(a.id) ?? 0 }));
  }, [agreements, items, role]);
  const shown = applyColumnFilters(rows, listView.view.filters, filterValues)
    .filter((r) => (status === "all" || r.agreement.status === status) && (partnerId === "all" || isPartnerOf(r.agreement, partnerId)))
    // フリガナ too: 「むさしの」 finds 武蔵野ガス (kana are folded, so カタカナ and ひらがな both match).
    .filter((r) => !search.trim() || matchesSearch([r.agreement.title, partnersText(r.agreement), ...agreementPartners(r.agreement).map((p) => kana.get(p.id)), r.agreement.proposedContent], search))
    .sort(byColumn.sort ? columnSorter((r: Row, key) => columnValue(r, key, kana), byColumn.sort) : sorters[sort]);
  const due = reviewCalendar(rows.map((r) => r.agreement), today).length;

  const allColumns: IColumn[] = byColumn.sortable([
    {
      key: "title",
      name: strings.Columns.title,
      // Narrow enough minimums for a page column of about 930 px (issue 33 item 9): cells wrap, headers too.
      minWidth: 140,
      maxWidth: 360,
      isMultiline: true,
      onRender: (r: Row) => (
        <Link onClick={() => onOpen(r.agreement)} aria-label={`${strings.Open}: ${r.agreement.title}`}>
          {r.agreement.title}
        </Link>
      ),
    },
    { key: "partner", name: strings.Columns.partner, minWidth: 120, maxWidth: 220, isMultiline: true, onRender: (r: Row) => partnersText(r.agreement) },
    { key: "status", name: strings.Columns.status, minWidth: 70, maxWidth: 100, isMultiline: true, onRender: (r: Row) => common.AgreementStatus[r.agreement.status] },
    { key: "concluded", name: strings.Columns.concluded, minWidth: 90, maxWidth: 130, isMultiline: true, onRender: (r: Row) => <DateText date={r.agreement.concludedDate} /> },
    // The current term's end and the next decision, as the calendar of decisions has them (the agreement's own columns).
    { key: "termEnd", name: strings.Columns.termEnd, minWidth: 90, maxWidth: 130, isMultiline: true, headerClassName: frameStyles.wrapHeader, onRender: (r: Row) => <DateText date={r.agreement.termEnd} /> },
    {
      key: "decision",
      name: strings.Columns.nextDecision,
      minWidth: 120,
      maxWidth: 260,
      isMultiline: true,
      headerClassName: frameStyles.wrapHeader,
      onRender: (r: Row) =>
        r.agreement.nextDecisionDate ? (
          <>
            <DateText date={r.agreement.nextDecisionDate} />
            <div style={{ fontSize: 12, color: r.agreement.nextDecisionDate < today ? "#a4262c" : "#605e5c" }}>{r.agreement.nextDecisionText}</div>
          </>
        ) : null,
    },
    { key: "items", name: strings.Columns.items, minWidth: 60, maxWidth: 80, onRender: (r: Row) => r.items },
  ]);
  const columns = allColumns.filter((c) => !listView.view.hidden.includes(c.key));
  const filterColumns: IFilterColumn[] = FILTER_KEYS.map((key) => {
    const text = key === "partner" ? (v: string) => nameOf.get(Number(v)) ?? v : key === "status" ? (v: string) => common.AgreementStatus[v as AgreementStatus] ?? v : (v: string) => formatFiscalYear(Number(v));
    // Partners by their reading, statuses in their order, years newest first.
    const order =
      key === "partner"
        ? (x: string, y: string) => (kana.get(Number(x)) ?? "").localeCompare(kana.get(Number(y)) ?? "", "ja")
        : key === "status"
          ? (x: string, y: string) => statuses.indexOf(x as AgreementStatus) - statuses.indexOf(y as AgreementStatus)
          : (x: string, y: string) => Number(y) - Number(x);
    return { key, name: allColumns.find((c) => c.key === key)!.name, text, options: columnFilterOptions(rows, key, listView.view.filters, filterValues, order) };
  });
  const itemsOf = React.useMemo(() => {
    const m = new Map<number, PartnershipItem[]>();
    for (const i of items) if (i.agreement) m.set(i.agreement.id, [...(m.get(i.agreement.id) ?? []), i]);
    return m;
  }, [items]);
  // The register as shown (filtered, searched, sorted) for 決裁 and circulation: Excel, CSV or a printable page.
  const exportAs = async (kind: "excel" | "csv" | "print"): Promise<void> => {
    const { header, data } = registerTable(
      shown.map((r) => ({ agreement: r.agreement, partnersText: partnersText(r.agreement), items: itemsOf.get(r.agreement.id) ?? [] })),
      kind,
      {
        header: { title: strings.Columns.title, partner: strings.Columns.partner, status: strings.Columns.status, concluded: strings.Columns.concluded, termEnd: strings.Columns.termEnd, nextDecision: strings.Columns.nextDecision, decisionWhat: strings.Export.decisionWhat, nextReview: strings.Columns.nextReview, items: strings.Export.items },
        status: common.AgreementStatus,
      },
    );
    const text = (): string[][] => data.map((r) => r.map((c) => (c === null ? "" : String(c))));
    const subtitle = fmt(strings.Export.asOf, formatEraDate(today), shown.length);
    if (kind === "csv") return downloadFile(toCsv(header, text()), `協定台帳_${today}.csv`, CSV_MIME);
    if (kind === "print") return openHtml(printableTable(strings.Export.title, subtitle, header, text()));
    const [{ loadExcel }, { buildTableWorkbook }] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/tableWorkbook")]);
    downloadFile(await buildTableWorkbook(await loadExcel(), strings.Export.title, strings.Export.title, subtitle, header, data), `協定台帳_${today}.xlsx`, XLSX_MIME);
  };
  const usedPartners = React.useMemo(() => partners.filter((p) => rows.some((r) => isPartnerOf(r.agreement, p.id))).sort(byReading), [partners, rows]);

  return (
    <>
      <SummaryTiles
        label={strings.SummaryLabel}
        tiles={[
          { label: strings.Summary.total, value: rows.length },
          { label: strings.Summary.concluded, value: rows.filter((r) => r.agreement.status === "concluded").length },
          { label: strings.Summary.inProgress, value: rows.filter((r) => ["approached", "preparing", "surveying"].includes(r.agreement.status)).length },
          { label: strings.Summary.reviewsDue, value: due },
        ]}
      />
      <Flex horizontal wrap gap={12} align="end">
        <Select<AgreementStatus | "all"> label={strings.FilterStatus} value={status} options={[{ key: "all", text: common.All }, ...statuses.map((s) => ({ key: s, text: common.AgreementStatus[s] }))]} onChange={setStatus} minWidth={160} />
        <Select<number | "all"> label={strings.FilterPartner} value={partnerId} options={[{ key: "all", text: common.All }, ...usedPartners.map((p) => ({ key: p.id, text: p.name }))]} onChange={setPartnerId} minWidth={200} maxWidth={360} />
        <Select<SortKey> label={strings.SortBy} value={sort} options={(Object.keys(sorters) as SortKey[]).map((k) => ({ key: k, text: strings.Sort[k] }))} onChange={setSort} minWidth={200} />
        <SearchField id="pd-agreements-search" label={common.Search} placeholder={strings.SearchPlaceholder} value={search} onChange={setSearch} minWidth={240} />
      </Flex>
      <ColumnFilters columns={filterColumns} allColumns={allColumns.filter((c) => HIDEABLE_KEYS.includes(c.key)).map((c) => ({ key: c.key, name: c.name }))} state={listView} sort={byColumn.sort} onReset={() => byColumn.setSort(null)} />
      <Toolbar
        ariaLabel={strings.Export.label}
        items={[
          { key: "excel", text: strings.Export.excel, iconName: "ExcelDocument", disabled: shown.length === 0, onClick: () => void exportAs("excel") },
          { key: "csv", text: strings.Export.csv, iconName: "Download", disabled: shown.length === 0, onClick: () => void exportAs("csv") },
          { key: "print", text: strings.Export.print, iconName: "Print", disabled: shown.length === 0, onClick: () => void exportAs("print") },
        ]}
      />
      <ListCount shown={shown.length} total={rows.length} />
      <DataGrid items={shown} columns={columns} getKey={(r: Row) => String(r.agreement.id)} onItemInvoked={(r: Row) => onOpen(r.agreement)} ariaLabel={strings.Title} />
      {shown.length === 0 && <p>{common.NoItems}</p>}
    </>
  );
}

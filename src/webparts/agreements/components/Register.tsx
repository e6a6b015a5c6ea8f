import * as React from "react";
import { DetailsList, DetailsListLayoutMode, Dropdown, IColumn, Label, Link, SearchBox, SelectionMode, Stack } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { DateText } from "../../../components/DateText";
import { SummaryTiles } from "../../../components/SummaryTiles";
import type { Agreement, AgreementStatus, Partner, PartnershipItem } from "../../../domain/types";
import type { Role } from "../../../domain/roles";
import { itemCountByAgreement, visibleAgreements } from "../../../domain/agreements";
import { matchesSearch } from "../../../domain/text";
import { reviewCalendar } from "../../../domain/review";

export interface IRegisterProps {
  agreements: Agreement[];
  items: PartnershipItem[];
  partners: Partner[];
  role: Role;
  today: string;
  onOpen: (a: Agreement) => void;
}

interface Row {
  agreement: Agreement;
  items: number;
}

type SortKey = "concludedDesc" | "nextReview" | "title" | "partner";
const statuses: AgreementStatus[] = ["approached", "preparing", "surveying", "concluded", "declined", "underReview", "terminated"];

const sorters: Record<SortKey, (a: Row, b: Row) => number> = {
  concludedDesc: (a, b) => (b.agreement.concludedDate ?? "").localeCompare(a.agreement.concludedDate ?? ""),
  nextReview: (a, b) => (a.agreement.nextReviewDate ?? "9999").localeCompare(b.agreement.nextReviewDate ?? "9999"),
  title: (a, b) => a.agreement.title.localeCompare(b.agreement.title, "ja"),
  partner: (a, b) => (a.agreement.partner?.title ?? "").localeCompare(b.agreement.partner?.title ?? "", "ja"),
};

/** 協定台帳: every agreement the user may see, filtered, searched and sorted on the client (one batched read). */
export function Register({ agreements, items, partners, role, today, onOpen }: IRegisterProps): JSX.Element {
  const [status, setStatus] = React.useState<AgreementStatus | "all">("all");
  const [partnerId, setPartnerId] = React.useState<number | "all">("all");
  const [search, setSearch] = React.useState("");
  const [sort, setSort] = React.useState<SortKey>("concludedDesc");

  const rows = React.useMemo<Row[]>(() => {
    const counts = itemCountByAgreement(items);
    return visibleAgreements(role, agreements).map((a) => ({ agreement: a, items: counts.get(a.id) ?? 0 }));
  }, [agreements, items, role]);
  const shown = rows
    .filter((r) => (status === "all" || r.agreement.status === status) && (partnerId === "all" || r.agreement.partner?.id === partnerId))
    .filter((r) => matchesSearch([r.agreement.title, r.agreement.partner?.title, r.agreement.proposedContent], search))
    .sort(sorters[sort]);
  const due = reviewCalendar(rows.map((r) => r.agreement), today).length;

  const columns: IColumn[] = [
    {
      key: "title",
      name: strings.Columns.title,
      minWidth: 200,
      isMultiline: true,
      onRender: (r: Row) => (
        <Link onClick={() => onOpen(r.agreement)} aria-label={`${strings.Open}: ${r.agreement.title}`}>
          {r.agreement.title}
        </Link>
      ),
    },
    { key: "partner", name: strings.Columns.partner, minWidth: 130, isMultiline: true, onRender: (r: Row) => r.agreement.partner?.title },
    { key: "status", name: strings.Columns.status, minWidth: 70, isMultiline: true, onRender: (r: Row) => common.AgreementStatus[r.agreement.status] },
    { key: "concluded", name: strings.Columns.concluded, minWidth: 150, isMultiline: true, onRender: (r: Row) => <DateText date={r.agreement.concludedDate} /> },
    { key: "next", name: strings.Columns.nextReview, minWidth: 150, isMultiline: true, onRender: (r: Row) => <DateText date={r.agreement.nextReviewDate} /> },
    { key: "items", name: strings.Columns.items, minWidth: 60, onRender: (r: Row) => r.items },
  ];
  const usedPartners = partners.filter((p) => rows.some((r) => r.agreement.partner?.id === p.id)).sort((a, b) => a.name.localeCompare(b.name, "ja"));

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
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <Dropdown
          label={strings.FilterStatus}
          selectedKey={status}
          options={[{ key: "all", text: common.All }, ...statuses.map((s) => ({ key: s, text: common.AgreementStatus[s] }))]}
          onChange={(_, o) => o && setStatus(o.key as AgreementStatus | "all")}
          styles={{ root: { minWidth: 160 } }}
        />
        <Dropdown
          label={strings.FilterPartner}
          selectedKey={partnerId}
          options={[{ key: "all", text: common.All }, ...usedPartners.map((p) => ({ key: p.id, text: p.name }))]}
          onChange={(_, o) => o && setPartnerId(o.key === "all" ? "all" : Number(o.key))}
          styles={{ root: { minWidth: 200 } }}
        />
        <Dropdown
          label={strings.SortBy}
          selectedKey={sort}
          options={(Object.keys(sorters) as SortKey[]).map((k) => ({ key: k, text: strings.Sort[k] }))}
          onChange={(_, o) => o && setSort(o.key as SortKey)}
          styles={{ root: { minWidth: 200 } }}
        />
        <Stack>
          <Label htmlFor="pd-agreements-search">{common.Search}</Label>
          <SearchBox id="pd-agreements-search" placeholder={strings.SearchPlaceholder} value={search} onChange={(_, v) => setSearch(v ?? "")} styles={{ root: { minWidth: 240 } }} />
        </Stack>
      </Stack>
      <DetailsList
        items={shown}
        columns={columns}
        selectionMode={SelectionMode.none}
        layoutMode={DetailsListLayoutMode.justified}
        getKey={(r: Row) => String(r.agreement.id)}
        onItemInvoked={(r: Row) => onOpen(r.agreement)}
        ariaLabelForGrid={strings.Title}
      />
      {shown.length === 0 && <p>{common.NoItems}</p>}
    </>
  );
}

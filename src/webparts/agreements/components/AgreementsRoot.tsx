import * as React from "react";
import { DetailsList, DetailsListLayoutMode, Dropdown, IColumn, Label, MessageBar, SearchBox, SelectionMode, Spinner, Stack } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { read } from "../../../data/contracts";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { DateText } from "../../../components/DateText";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { useLoad } from "../../../components/hooks/useLoad";
import type { CurrentUser } from "../../../data/contracts";
import type { Agreement, AgreementStatus } from "../../../domain/types";
import { itemCountByAgreement, visibleAgreements } from "../../../domain/agreements";
import { matchesSearch } from "../../../domain/text";

export interface IAgreementsRootProps {
  services: IAppServices;
}

interface Row {
  agreement: Agreement;
  items: number;
}

const statuses: AgreementStatus[] = ["approached", "preparing", "surveying", "concluded", "declined", "underReview", "terminated"];

function Register({ services, user }: { services: IAppServices; user: CurrentUser }): JSX.Element {
  const load = useLoad(
    () => services.data.readMany({ agreements: read(services.data.agreements), items: read(services.data.partnershipItems) }),
    [services],
  );
  const [status, setStatus] = React.useState<AgreementStatus | "all">("all");
  const [search, setSearch] = React.useState("");

  const rows = React.useMemo<Row[]>(() => {
    if (!load.data) return [];
    const counts = itemCountByAgreement(load.data.items);
    return visibleAgreements(user.role, load.data.agreements).map((a) => ({ agreement: a, items: counts.get(a.id) ?? 0 }));
  }, [load.data, user.role]);
  const shown = rows.filter(
    (r) => (status === "all" || r.agreement.status === status) && matchesSearch([r.agreement.title, r.agreement.partner?.title], search),
  );
  const soon = new Date(Date.parse(services.today) + 90 * 86400000).toISOString().slice(0, 10);

  const columns: IColumn[] = [
    { key: "title", name: strings.Columns.title, minWidth: 200, isMultiline: true, onRender: (r: Row) => r.agreement.title },
    { key: "partner", name: strings.Columns.partner, minWidth: 130, isMultiline: true, onRender: (r: Row) => r.agreement.partner?.title },
    { key: "status", name: strings.Columns.status, minWidth: 70, isMultiline: true, onRender: (r: Row) => common.AgreementStatus[r.agreement.status] },
    { key: "concluded", name: strings.Columns.concluded, minWidth: 150, isMultiline: true, onRender: (r: Row) => <DateText date={r.agreement.concludedDate} /> },
    { key: "next", name: strings.Columns.nextReview, minWidth: 150, isMultiline: true, onRender: (r: Row) => <DateText date={r.agreement.nextReviewDate} /> },
    { key: "items", name: strings.Columns.items, minWidth: 60, onRender: (r: Row) => r.items },
  ];

  return (
    <>
      <ErrorBar error={load.error} onReload={load.reload} />
      {user.role !== "coordinator" && <MessageBar>{strings.ReadOnlyNotice}</MessageBar>}
      {load.loading && !load.data && <Spinner label={common.Loading} />}
      {load.data && (
        <>
          <SummaryTiles
            label={strings.SummaryLabel}
            tiles={[
              { label: strings.Summary.total, value: rows.length },
              { label: strings.Summary.concluded, value: rows.filter((r) => r.agreement.status === "concluded").length },
              { label: strings.Summary.inProgress, value: rows.filter((r) => ["approached", "preparing", "surveying"].includes(r.agreement.status)).length },
              {
                label: strings.Summary.reviewsDue,
                value: rows.filter((r) => r.agreement.nextReviewDate && r.agreement.nextReviewDate <= soon && r.agreement.status === "concluded").length,
              },
            ]}
          />
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
            <Dropdown
              label={strings.FilterStatus}
              selectedKey={status}
              options={[{ key: "all", text: common.All }, ...statuses.map((s) => ({ key: s, text: common.AgreementStatus[s] }))]}
              onChange={(_, o) => o && setStatus(o.key as AgreementStatus | "all")}
              styles={{ root: { minWidth: 180 } }}
            />
            <Stack>
              <Label htmlFor="pd-agreements-search">{common.Search}</Label>
              <SearchBox id="pd-agreements-search" placeholder={strings.SearchPlaceholder} value={search} onChange={(_, v) => setSearch(v ?? "")} styles={{ root: { minWidth: 260 } }} />
            </Stack>
          </Stack>
          <DetailsList
            items={shown}
            columns={columns}
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            getKey={(r: Row) => String(r.agreement.id)}
            ariaLabelForGrid={strings.Title}
          />
          {shown.length === 0 && <p>{common.NoItems}</p>}
        </>
      )}
    </>
  );
}

/** 協定管理: the register of agreements (the full conclusion and review screens build on it). */
export function AgreementsRoot({ services }: IAgreementsRootProps): JSX.Element {
  return <AppFrame services={services} title={strings.Title}>{(user) => <Register services={services} user={user} />}</AppFrame>;
}

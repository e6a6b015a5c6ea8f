import * as React from "react";
import type { IColumn } from "@fluentui/react";
import { DataGrid, Flex } from "../../../components/light";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { SummaryTiles } from "../../../components/SummaryTiles";
import type { YearData } from "../../../data/services/CycleService";
import { countBy, CountRow } from "../../../domain/totals";
import type { PartnerAnswer } from "../../../domain/types";
import { partnerNamesText } from "../../../domain/agreements";

const answers: PartnerAnswer[] = ["can", "discuss", "cannot", "pending"];

function CountTable({ title, rows }: { title: string; rows: CountRow[] }): JSX.Element {
  const columns: IColumn[] = [
    { key: "label", name: title, minWidth: 180, isMultiline: true, onRender: (r: CountRow) => r.label },
    { key: "count", name: strings.Columns.count, minWidth: 50, onRender: (r: CountRow) => r.count },
  ];
  return (
    <Flex grow style={{ minWidth: 300, maxWidth: 520, flexBasis: 300 }}>
      <h3 className={frameStyles.sectionTitle}>{title}</h3>
      <DataGrid items={rows} columns={columns} compact getKey={(r: CountRow) => String(r.key)} ariaLabel={title} />
      {rows.length === 0 && <p>{common.NoItems}</p>}
    </Flex>
  );
}

/** The year at a glance: how many proposals, from and to whom, on which items, and the answers. */
export function YearOverview({ year }: { year: YearData }): JSX.Element {
  const all = [...year.partnerProposals.map((p) => ({ partner: p.partner, item: p.partnershipItem, department: null })), ...year.cityProposals.map((p) => ({ partner: p.partner, item: p.partnershipItem, department: p.department }))];
  // The same words (e.g. 防災に関すること) are different items in different agreements: name the partner too.
  const partnerOfAgreement = new Map(year.agreements.map((a) => [a.id, partnerNamesText(a)]));
  const itemTitle = new Map(year.items.map((i) => [i.id, `${i.text}（${partnerOfAgreement.get(i.agreement?.id ?? 0) ?? ""}）`]));
  const byAnswer = answers.map((a, k) => ({ key: k, label: common.PartnerAnswer[a], count: year.cityProposals.filter((p) => p.partnerAnswer === a).length }));
  return (
    <>
      <SummaryTiles
        label={strings.SummaryLabel}
        tiles={[
          { label: strings.Summary.calls, value: year.calls.length },
          { label: strings.Summary.partnerProposals, value: year.partnerProposals.length },
          { label: strings.Summary.cityProposals, value: year.cityProposals.length },
          { label: strings.Summary.answered, value: year.cityProposals.filter((p) => p.partnerAnswer !== "pending").length },
        ]}
      />
      <Flex horizontal wrap gap={24}>
        <CountTable title={strings.By.partner} rows={countBy(all, (r) => r.partner)} />
        <CountTable title={strings.By.item} rows={countBy(all, (r) => (r.item ? { id: r.item.id, title: itemTitle.get(r.item.id) ?? r.item.title } : null))} />
        <CountTable title={strings.By.department} rows={countBy(all, (r) => r.department)} />
        <CountTable title={strings.By.answer} rows={byAnswer} />
      </Flex>
    </>
  );
}

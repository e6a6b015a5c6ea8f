import * as React from "react";
import { DetailsList, IColumn, SelectionMode, Spinner, Stack, Text } from "@fluentui/react";
import * as strings from "ResultsWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { FiscalYearPicker } from "../../../components/FiscalYearPicker";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { useLoad } from "../../../components/hooks/useLoad";
import { fiscalYearOf } from "../../../domain/calendar";
import { countBy, CountRow } from "../../../domain/totals";

export interface IResultsRootProps {
  services: IAppServices;
}

function Totals({ services }: IResultsRootProps): JSX.Element {
  const current = fiscalYearOf(services.today);
  // Results are reported after the year ends, so the last complete year comes first.
  const [fy, setFy] = React.useState(current - 1);
  const { data } = services;
  const load = useLoad(() => data.resultReports.list({ where: [{ prop: "fiscalYear", op: "eq", value: fy }] }), [services, fy]);
  const rows = load.data ?? [];
  const byDept = countBy(rows, (r) => r.department);
  const byPartner = countBy(rows, (r) => r.partner);
  const col = (name: string): IColumn[] => [
    { key: "label", name, minWidth: 220, onRender: (r: CountRow) => r.label },
    { key: "count", name: strings.Columns.count, minWidth: 60, onRender: (r: CountRow) => r.count },
  ];
  return (
    <>
      <FiscalYearPicker value={fy} years={[current, current - 1, current - 2, current - 3, current - 4]} onChange={setFy} />
      <ErrorBar error={load.error} onReload={load.reload} />
      {load.loading && <Spinner label={common.Loading} />}
      {load.data && (
        <>
          <SummaryTiles
            label={strings.SummaryLabel}
            tiles={[
              { label: strings.Summary.initiatives, value: rows.length },
              { label: strings.Summary.departments, value: byDept.length },
              { label: strings.Summary.partners, value: byPartner.length },
              { label: strings.Summary.published, value: rows.filter((r) => r.status === "published").length },
            ]}
          />
          <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
            <Stack.Item grow styles={{ root: { minWidth: 320 } }}>
              <Text as="h3" className={frameStyles.sectionTitle}>{strings.ByDepartmentHeading}</Text>
              <DetailsList items={byDept} columns={col(strings.Columns.department)} selectionMode={SelectionMode.none} getKey={(r: CountRow) => String(r.key)} ariaLabelForGrid={strings.ByDepartmentHeading} />
            </Stack.Item>
            <Stack.Item grow styles={{ root: { minWidth: 320 } }}>
              <Text as="h3" className={frameStyles.sectionTitle}>{strings.ByPartnerHeading}</Text>
              <DetailsList items={byPartner} columns={col(strings.Columns.partner)} selectionMode={SelectionMode.none} getKey={(r: CountRow) => String(r.key)} ariaLabelForGrid={strings.ByPartnerHeading} />
            </Stack.Item>
          </Stack>
          {rows.length === 0 && <p>{common.NoItems}</p>}
        </>
      )}
    </>
  );
}

/** 実績報告: the fiscal year's results (Form 4) and their totals. */
export function ResultsRoot({ services }: IResultsRootProps): JSX.Element {
  return <AppFrame services={services} title={strings.Title}>{() => <Totals services={services} />}</AppFrame>;
}

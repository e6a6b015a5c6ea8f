import * as React from "react";
import { DetailsList, IColumn, SelectionMode, Spinner, Text } from "@fluentui/react";
import * as strings from "AnnualCycleWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { read } from "../../../data/contracts";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { DateText } from "../../../components/DateText";
import { FiscalYearPicker } from "../../../components/FiscalYearPicker";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { useLoad } from "../../../components/hooks/useLoad";
import { fiscalYearOf } from "../../../domain/calendar";
import type { Call, PartnerAnswer } from "../../../domain/types";

export interface IAnnualCycleRootProps {
  services: IAppServices;
}

const answers: PartnerAnswer[] = ["can", "discuss", "cannot", "pending"];

function Year({ services }: IAnnualCycleRootProps): JSX.Element {
  const current = fiscalYearOf(services.today);
  const [fy, setFy] = React.useState(current);
  const { data } = services;
  const load = useLoad(() => {
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fy }];
    return data.readMany({
      calls: read(data.calls, { where: byYear }),
      partnerProposals: read(data.partnerProposals, { where: byYear }),
      cityProposals: read(data.cityProposals, { where: byYear }),
      matchings: read(data.matchings, { where: byYear }),
    });
  }, [services, fy]);

  const columns: IColumn[] = [
    { key: "form", name: strings.Columns.form, minWidth: 170, onRender: (c: Call) => common.Forms[c.form] },
    { key: "title", name: strings.Columns.title, minWidth: 260, isMultiline: true, onRender: (c: Call) => c.title },
    { key: "deadline", name: strings.Columns.deadline, minWidth: 190, onRender: (c: Call) => <DateText date={c.deadline} /> },
    { key: "status", name: strings.Columns.status, minWidth: 70, onRender: (c: Call) => strings.CallStatus[c.status] },
    { key: "recipients", name: strings.Columns.recipients, minWidth: 60, onRender: (c: Call) => c.recipientDepartments.length + c.recipientPartners.length },
  ];
  const d = load.data;
  return (
    <>
      <FiscalYearPicker value={fy} years={[current + 1, current, current - 1, current - 2, current - 3, current - 4]} onChange={setFy} />
      <ErrorBar error={load.error} onReload={load.reload} />
      {load.loading && <Spinner label={common.Loading} />}
      {d && (
        <>
          <SummaryTiles
            label={strings.SummaryLabel}
            tiles={[
              { label: strings.Summary.calls, value: d.calls.length },
              { label: strings.Summary.partnerProposals, value: d.partnerProposals.length },
              { label: strings.Summary.cityProposals, value: d.cityProposals.length },
              { label: strings.Summary.answered, value: d.cityProposals.filter((p) => p.partnerAnswer !== "pending").length },
              { label: strings.Summary.matchings, value: d.matchings.length },
            ]}
          />
          <Text as="h3" className={frameStyles.sectionTitle}>
            {strings.CallsHeading}
          </Text>
          <DetailsList items={d.calls} columns={columns} selectionMode={SelectionMode.none} getKey={(c: Call) => String(c.id)} ariaLabelForGrid={strings.CallsHeading} />
          {d.calls.length === 0 && <p>{common.NoItems}</p>}
          <Text as="h3" className={frameStyles.sectionTitle}>
            {strings.AnswersHeading}
          </Text>
          <SummaryTiles
            label={strings.AnswersHeading}
            tiles={answers.map((a) => ({ label: common.PartnerAnswer[a], value: d.cityProposals.filter((p) => p.partnerAnswer === a).length }))}
          />
        </>
      )}
    </>
  );
}

/** 年度の連携: the fiscal year's calls, proposals and answers. */
export function AnnualCycleRoot({ services }: IAnnualCycleRootProps): JSX.Element {
  return <AppFrame services={services} title={strings.Title}>{() => <Year services={services} />}</AppFrame>;
}

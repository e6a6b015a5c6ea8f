import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, SelectionMode } from "@fluentui/react";
import * as strings from "ResultsWebPartStrings";
import * as common from "CommonStrings";
import { fmt } from "../../../components/format";
import type { ResultReport } from "../../../domain/types";
import type { ReportingStatus } from "../../../domain/results";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

/** The rows behind a count (a department, partner or item), opened from the totals: its own chunk. */
export function DrillPanel({ title, rows, onDismiss }: { title: string; rows: ResultReport[]; onDismiss: () => void }): JSX.Element {
  return (
    <Panel isOpen type={PanelType.medium} headerText={title} onDismiss={onDismiss} closeButtonAriaLabel={common.Close}>
      <ResponsiveDetailsList
        items={rows}
        selectionMode={SelectionMode.none}
        getKey={(r: ResultReport) => String(r.id)}
        ariaLabelForGrid={title}
        columns={[
          { key: "dept", name: strings.Columns.department, minWidth: 130, isMultiline: true, onRender: (r: ResultReport) => r.department?.title },
          { key: "no", name: strings.Columns.no, minWidth: 30, maxWidth: 36, onRender: (r: ResultReport) => r.rowNo },
          { key: "title", name: strings.Columns.title, minWidth: 150, isMultiline: true, onRender: (r: ResultReport) => r.title },
          { key: "partner", name: strings.Columns.partner, minWidth: 120, isMultiline: true, onRender: (r: ResultReport) => r.partner?.title },
        ]}
      />
    </Panel>
  );
}

export interface IPublishDialogProps {
  reporting: ReportingStatus;
  busy: boolean;
  onPublish: () => void;
  onCancel: () => void;
}

/** 公表する: the confirmation, with the departments that have not reported yet: its own chunk. */
export function PublishDialog({ reporting, busy, onPublish, onCancel }: IPublishDialogProps): JSX.Element {
  return (
    <Dialog hidden={false} onDismiss={onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.Publish.publish, subText: strings.Publish.confirm }} minWidth={360} maxWidth={560} modalProps={{ isBlocking: true }}>
      {reporting.missing.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline role="alert">
          {fmt(strings.Publish.missing, reporting.reported, reporting.owed, reporting.missing.join("、"))}
        </MessageBar>
      )}
      {reporting.nothingToReport.length > 0 && <MessageBar isMultiline>{fmt(strings.NothingToReport.inPublish, reporting.nothingToReport.join("、"))}</MessageBar>}
      <DialogFooter>
        <PrimaryButton text={strings.Publish.publish} disabled={busy} onClick={onPublish} />
        <DefaultButton text={strings.Publish.cancel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

import * as React from "react";
import { DetailsList, IColumn, MessageBar, MessageBarType, PrimaryButton, SelectionMode, Spinner, Stack, Text } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ImportOutcome, RegisterImportService } from "../../../data/services/RegisterImportService";
import type { CurrentUser, IPartnershipData } from "../../../data/contracts";
import { importable, ImportPlanRow, RegisterColumn, RowProblem } from "../../../domain/registerImport";
import { describeTerms } from "./termsText";

const I = strings.Import;
const REQUIRED: RegisterColumn[] = ["partner", "concluded"];

/** exceljs and the file reader, loaded only when a register is imported (the lazy "excel" chunk). */
async function readFile(file: File): Promise<import("../../../export/registerFile").RegisterTable> {
  const [{ loadExcel }, { readRegisterFile }] = await Promise.all([import(/* webpackChunkName: "excel" */ "../../../export/excel"), import(/* webpackChunkName: "excel" */ "../../../export/registerFile")]);
  return readRegisterFile(file.name, await file.arrayBuffer(), loadExcel);
}

export function problemLine(p: RowProblem): string {
  const codes = I.codes as unknown as Record<string, string>;
  return fmt(codes[`${p.field}.${p.code}`] ?? `${p.field}: ${p.code}`, "other" in p ? p.other : "");
}

/**
 * Import of the register the city already keeps: choose a file, see every row with what
 * will be created and each problem by row number, then import the rows that are ready.
 */
export function RegisterImportView({ service, onImported }: { service: RegisterImportService; onImported: () => void }): JSX.Element {
  const [plan, setPlan] = React.useState<ImportPlanRow[] | null>(null);
  const [columnsText, setColumnsText] = React.useState("");
  const [fileError, setFileError] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<ImportOutcome | null>(null);
  const action = useAction();
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setPlan(null);
    setDone(null);
    setFileError(undefined);
    await action.run(async () => {
      let table: import("../../../export/registerFile").RegisterTable;
      try {
        table = await readFile(file);
      } catch (err) {
        const code = (err as { code?: string }).code;
        setFileError(code === "fileTooLarge" ? I.tooLarge : code === "empty" ? I.empty : I.unreadable);
        return;
      }
      const found = (Object.keys(table.columns) as RegisterColumn[]).map((c) => I.columnNames[c]);
      const missing = REQUIRED.filter((c) => table.columns[c] === undefined).map((c) => I.columnNames[c]);
      if (missing.length) {
        setFileError(fmt(I.missingColumns, missing.join("、")));
        return;
      }
      setColumnsText(fmt(I.columns, found.join("、")));
      setPlan(await service.preview(table.rows, table.columns, table.firstRowNo));
    });
  };
  const confirm = async (): Promise<void> => {
    if (!plan) return;
    await action.run(async () => {
      setDone(await service.importRows(plan));
      setPlan(null);
      onImported();
    });
  };
  const ready = plan?.filter(importable) ?? [];
  const dup = plan?.filter((r) => r.duplicateOfId !== null) ?? [];
  const bad = plan?.filter((r) => r.errors.length > 0) ?? [];
  const columns: IColumn[] = [
    { key: "row", name: I.rowNo, minWidth: 36, maxWidth: 44, onRender: (r: ImportPlanRow) => r.rowNo },
    {
      key: "state",
      name: strings.Columns.status,
      minWidth: 110,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => (
        <span style={{ fontWeight: 600, color: r.errors.length ? "#a4262c" : r.duplicateOfId !== null ? "#605e5c" : "#107c10" }}>{r.errors.length ? I.error : r.duplicateOfId !== null ? I.duplicate : `${I.ready}（${I.statusNames[r.status]}）`}</span>
      ),
    },
    { key: "problems", name: I.problems, minWidth: 180, isMultiline: true, onRender: (r: ImportPlanRow) => <ul style={{ margin: 0, paddingLeft: 16 }}>{[...r.errors, ...r.warnings].map((p, i) => <li key={i} style={{ color: i < r.errors.length ? "#a4262c" : undefined }}>{problemLine(p)}</li>)}</ul> },
    { key: "partner", name: I.columnNames.partner, minWidth: 150, isMultiline: true, onRender: (r: ImportPlanRow) => <>{r.partnerName} <Text variant="small">{r.partnerName ? (r.partnerId ? I.existingPartner : I.newPartner) : ""}</Text></> },
    { key: "title", name: I.columnNames.title, minWidth: 170, isMultiline: true, onRender: (r: ImportPlanRow) => r.title },
    { key: "concluded", name: I.columnNames.concluded, minWidth: 110, isMultiline: true, onRender: (r: ImportPlanRow) => <DateText date={r.concludedDate} /> },
    { key: "items", name: I.columnNames.items, minWidth: 180, isMultiline: true, onRender: (r: ImportPlanRow) => <ol style={{ margin: 0, paddingLeft: 18 }}>{r.items.map((t, i) => <li key={i}>{t}</li>)}</ol> },
    { key: "terms", name: I.readTerms, minWidth: 200, isMultiline: true, onRender: (r: ImportPlanRow) => describeTerms(r.rules).map(([k, v]) => `${k}: ${v}`).join(" / ") },
  ];
  return (
    <Stack tokens={{ childrenGap: 10 }}>
      <Text as="h3" className={frameStyles.sectionTitle}>{I.heading}</Text>
      <Text>{I.intro}</Text>
      <div>
        <label htmlFor="pd-register-file" style={{ fontWeight: 600, marginRight: 8 }}>{I.choose}</label>
        <input id="pd-register-file" type="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => void onFile(e)} disabled={action.busy} />
      </div>
      {action.busy && <Spinner label={I.reading} />}
      <ErrorBar error={action.error} />
      {fileError && <MessageBar messageBarType={MessageBarType.error} role="alert">{fileError}</MessageBar>}
      {done && <MessageBar messageBarType={MessageBarType.success} role="status">{fmt(I.done, done.created, done.partnersCreated, done.skipped)}</MessageBar>}
      {plan && (
        <>
          <Text>{columnsText}</Text>
          <Text role="status" style={{ fontWeight: 600 }}>{fmt(I.summary, plan.length, ready.length, dup.length, bad.length)}</Text>
          <div>
            <PrimaryButton text={fmt(I.confirm, ready.length)} onClick={() => void confirm()} disabled={action.busy || ready.length === 0} />
          </div>
          {ready.length === 0 && <MessageBar>{I.nothing}</MessageBar>}
          <DetailsList items={plan} columns={columns} selectionMode={SelectionMode.none} getKey={(r: ImportPlanRow) => String(r.rowNo)} ariaLabelForGrid={I.heading} />
        </>
      )}
    </Stack>
  );
}

/** The tab as loaded on demand: the import service comes with it, in the same chunk. */
export function RegisterImportTab({ data, user, today, onImported }: { data: IPartnershipData; user: CurrentUser; today: string; onImported: () => void }): JSX.Element {
  const service = React.useMemo(() => new RegisterImportService(data, user, today), [data, user, today]);
  return <RegisterImportView service={service} onImported={onImported} />;
}

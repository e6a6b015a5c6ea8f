import * as React from "react";
import { Checkbox, DefaultButton, DetailsList, Dialog, DialogFooter, DialogType, IColumn, Link, MessageBar, MessageBarType, PrimaryButton, SelectionMode, Spinner, Stack, Text } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { useFileParse } from "../../../components/hooks/useFileParse";
import { ReadingProgress } from "../../../components/FileProgress/ReadingProgress";
import * as common from "CommonStrings";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ImportOutcome, RegisterImportService } from "../../../data/services/RegisterImportService";
import type { CurrentUser, IPartnershipData } from "../../../data/contracts";
import { canConfirmTerms, importable, ImportPlanRow, RegisterColumn, RowProblem, withConfirmedTerms } from "../../../domain/registerImport";
import { TermRules, validateTerms } from "../../../domain/terms";
import { describeTerms } from "./termsText";
import { TermsEditor } from "./TermsSection";

const I = strings.Import;
const REQUIRED: RegisterColumn[] = ["partner", "concluded"];

export function problemLine(p: RowProblem): string {
  const codes = I.codes as unknown as Record<string, string>;
  return fmt(codes[`${p.field}.${p.code}`] ?? `${p.field}: ${p.code}`, "other" in p ? p.other : "");
}

/**
 * Import of the register the city already keeps: choose a file, see every row with what
 * will be created and each problem by row number, then import the rows that are ready.
 */
export function RegisterImportView({ service, today, onImported }: { service: RegisterImportService; today: string; onImported: () => void }): JSX.Element {
  const [plan, setPlan] = React.useState<ImportPlanRow[] | null>(null);
  /** Rows the coordinator unticked: left out of this import. */
  const [excluded, setExcluded] = React.useState<Set<number>>(new Set());
  const [checking, setChecking] = React.useState<ImportPlanRow | null>(null);
  const [columnsText, setColumnsText] = React.useState("");
  const [fileError, setFileError] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<ImportOutcome | null>(null);
  const action = useAction();
  // The file is read in a Web Worker (the lazy parse chunk): the page stays responsive, and it can be stopped.
  const reading = useFileParse();
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setPlan(null);
    setDone(null);
    setFileError(undefined);
    setExcluded(new Set());
    await action.run(async () => {
      let table: import("../../../export/registerFile").RegisterTable;
      try {
        table = await reading.parse({ kind: "register", fileName: file.name, data: await file.arrayBuffer() });
      } catch (err) {
        const { code, detail, name } = err as { code?: string; detail?: string; name?: string };
        if (name === "ParseCancelled") return setFileError(common.Reading.cancelled);
        setFileError(
          code === "fileTooLarge" ? I.tooLarge : code === "empty" ? I.empty : code === "tooManyRows" ? fmt(I.tooManyRows, detail ?? "") : code === "tooLargeUnpacked" ? fmt(I.tooLargeUnpacked, detail ?? "") : code === "cellTooLong" ? fmt(I.cellTooLong, detail ?? "") : I.unreadable,
        );
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
  const [notFinished, setNotFinished] = React.useState(false);
  const confirm = async (): Promise<void> => {
    if (!plan) return;
    setNotFinished(false);
    // The import is all or nothing: cut short, nothing shows and what it wrote is withdrawn; the same action finishes it.
    const ok = await action.run(async () => {
      const outcome = await service.importRows(plan.filter((r) => !excluded.has(r.rowNo)));
      setDone({ ...outcome, skipped: plan.length - outcome.created });
      setPlan(null);
      onImported();
    });
    if (!ok) setNotFinished(true);
  };
  const ready = plan?.filter((r) => importable(r) && !excluded.has(r.rowNo)) ?? [];
  const dup = plan?.filter((r) => r.duplicateOfId !== null) ?? [];
  const bad = plan?.filter((r) => r.errors.length > 0) ?? [];
  const columns: IColumn[] = [
    { key: "row", name: I.rowNo, minWidth: 36, maxWidth: 44, onRender: (r: ImportPlanRow) => r.rowNo },
    {
      key: "include",
      name: I.includeColumn,
      minWidth: 40,
      maxWidth: 50,
      onRender: (r: ImportPlanRow) =>
        importable(r) ? <Checkbox ariaLabel={fmt(I.include, r.rowNo)} checked={!excluded.has(r.rowNo)} onChange={(_, on) => setExcluded((x) => { const n = new Set(x); if (on) n.delete(r.rowNo); else n.add(r.rowNo); return n; })} /> : null,
    },
    {
      key: "state",
      name: strings.Columns.status,
      minWidth: 110,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => (
        <span style={{ fontWeight: 600, color: r.errors.length ? "#a4262c" : r.duplicateOfId !== null || excluded.has(r.rowNo) ? "#605e5c" : "#107c10" }}>{r.errors.length ? I.error : r.duplicateOfId !== null ? I.duplicate : excluded.has(r.rowNo) ? I.excluded : `${I.ready}（${I.statusNames[r.status]}）`}</span>
      ),
    },
    { key: "problems", name: I.problems, minWidth: 180, isMultiline: true, onRender: (r: ImportPlanRow) => <ul style={{ margin: 0, paddingLeft: 16 }}>{[...r.errors, ...r.warnings].map((p, i) => <li key={i} style={{ color: i < r.errors.length ? "#a4262c" : undefined }}>{problemLine(p)}</li>)}</ul> },
    { key: "partner", name: I.columnNames.partner, minWidth: 150, isMultiline: true, onRender: (r: ImportPlanRow) => <>{r.partnerName} <Text variant="small">{r.partnerName ? (r.partnerId ? I.existingPartner : I.newPartner) : ""}</Text></> },
    { key: "title", name: I.columnNames.title, minWidth: 170, isMultiline: true, onRender: (r: ImportPlanRow) => r.title },
    { key: "concluded", name: I.columnNames.concluded, minWidth: 110, isMultiline: true, onRender: (r: ImportPlanRow) => <DateText date={r.concludedDate} /> },
    { key: "items", name: I.columnNames.items, minWidth: 180, isMultiline: true, onRender: (r: ImportPlanRow) => <ol style={{ margin: 0, paddingLeft: 18 }}>{r.items.map((t, i) => <li key={i}>{t}</li>)}</ol> },
    {
      key: "terms",
      name: I.readTerms,
      minWidth: 200,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => (
        <>
          {describeTerms(r.rules).map(([k, v]) => `${k}: ${v}`).join(" / ")}
          {r.termsConfirmed && ` ${I.confirmed}`}
          {(importable(r) || canConfirmTerms(r)) && (
            <div>
              <Link aria-label={fmt(I.editTerms, r.rowNo)} onClick={() => setChecking(r)}>{I.editTermsShort}</Link>
            </div>
          )}
        </>
      ),
    },
  ];
  return (
    <Stack tokens={{ childrenGap: 10 }}>
      <Text as="h3" className={frameStyles.sectionTitle}>{I.heading}</Text>
      <Text>{I.intro}</Text>
      <div>
        <label htmlFor="pd-register-file" style={{ fontWeight: 600, marginRight: 8 }}>{I.choose}</label>
        <input id="pd-register-file" type="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => void onFile(e)} disabled={action.busy} />
        <ReadingProgress progress={reading.progress} onCancel={reading.cancel} />
      </div>
      {action.busy && !reading.progress && <Spinner label={I.reading} />}
      <ErrorBar error={action.error} />
      {fileError && <MessageBar messageBarType={MessageBarType.error} role="alert">{fileError}</MessageBar>}
      {notFinished && plan && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(I.notFinished, ready.length)}</MessageBar>}
      {done && <MessageBar messageBarType={MessageBarType.success} role="status">{fmt(I.done, done.created, done.partnersCreated, done.skipped)}</MessageBar>}
      {plan && (
        <>
          <Text>{columnsText}</Text>
          <Text role="status" style={{ fontWeight: 600 }}>{fmt(I.summary, plan.length, ready.length, dup.length, bad.length)}</Text>
          <div>
            <PrimaryButton text={fmt(I.confirm, ready.length)} onClick={() => void confirm()} disabled={action.busy || ready.length === 0} />
          </div>
          {ready.length === 0 && <MessageBar>{I.nothing}</MessageBar>}
          {checking && (
            <ConfirmTermsDialog
              row={checking}
              onClose={() => setChecking(null)}
              onApply={(rules) => {
                setPlan((p) => p && p.map((r) => (r.rowNo === checking.rowNo ? withConfirmedTerms(r, rules, today) : r)));
                setChecking(null);
              }}
            />
          )}
          {/* Every row rendered (up to a thousand) so the browser's find and a screen reader reach them all. */}
          <DetailsList onShouldVirtualize={() => plan.length > 1000} items={plan} columns={columns} selectionMode={SelectionMode.none} getKey={(r: ImportPlanRow) => String(r.rowNo)} ariaLabelForGrid={I.heading} />
        </>
      )}
    </Stack>
  );
}

/** The terms read from a row's clause, shown with the clause, to be confirmed or corrected before import. */
function ConfirmTermsDialog({ row, onClose, onApply }: { row: ImportPlanRow; onClose: () => void; onApply: (r: TermRules) => void }): JSX.Element {
  const [rules, setRules] = React.useState<TermRules>(row.rules);
  const problems = validateTerms(rules, row.concludedDate).map((code) => ({ field: "terms", code }));
  const [tried, setTried] = React.useState(false);
  const dict = strings.Problems as unknown as Record<string, string>;
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: fmt(I.termsDialog, row.rowNo), subText: row.title }} minWidth={560} modalProps={{ isBlocking: true }}>
      {row.clause && (
        <p style={{ whiteSpace: "pre-wrap", background: "#faf9f8", padding: 8, margin: "0 0 8px" }}>
          <strong>{strings.Terms.clause}: </strong>
          {row.clause}
        </p>
      )}
      {tried && problems.map((p) => <MessageBar key={p.code} messageBarType={MessageBarType.error}>{dict[p.code] ?? p.code}</MessageBar>)}
      <TermsEditor value={rules} onChange={setRules} start={row.concludedDate} problems={[]} />
      <DialogFooter>
        <PrimaryButton text={I.apply} onClick={() => (problems.length ? setTried(true) : onApply(rules))} />
        <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

/** The tab as loaded on demand: the import service comes with it, in the same chunk. */
export function RegisterImportTab({ data, user, today, onImported }: { data: IPartnershipData; user: CurrentUser; today: string; onImported: () => void }): JSX.Element {
  const service = React.useMemo(() => new RegisterImportService(data, user, today), [data, user, today]);
  return <RegisterImportView service={service} today={today} onImported={onImported} />;
}

import * as React from "react";
import { Checkbox, ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, Link, MessageBar, MessageBarType, PrimaryButton, SelectionMode, Spinner, Stack, Text, TextField } from "@fluentui/react";
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
import { canConfirmTerms, canDecideSplit, canEnterDate, importable, ImportPlanRow, needsDecision, PlanPartner, RegisterColumn, RowOutcome, rowOutcome, rowPartners, RowProblem, withConfirmedTerms, withPartnerKind, withSplitDecision } from "../../../domain/registerImport";
import { formatEraDate } from "../../../domain/calendar";
import { parseJapaneseDate } from "../../../domain/japaneseDates";
import { hasExpiry, TermRules, validateTerms } from "../../../domain/terms";
import type { PartnerKind } from "../../../domain/types";
import { describeTerms } from "./termsText";
import { TermsEditor } from "./TermsSection";
import { partnerKinds } from "./PartnerPanel";
import { ResponsiveDetailsList } from "../../../components/ResponsiveDetailsList";

const I = strings.Import;
const REQUIRED: RegisterColumn[] = ["partner", "concluded"];

export function problemLine(p: RowProblem): string {
  const codes = I.codes as unknown as Record<string, string>;
  return fmt(codes[`${p.field}.${p.code}`] ?? `${p.field}: ${p.code}`, "other" in p ? p.other : "");
}

/** What the import does with the row, in the city's words (「終了として取り込みます」…). */
export function outcomeLine(o: RowOutcome, excluded: boolean): string {
  const O = I.outcomes;
  if (excluded && (o.kind === "concluded" || o.kind === "terminated")) return O.excluded;
  switch (o.kind) {
    case "concluded":
      return o.decision.nextDecisionDate ? fmt(O.concluded, formatEraDate(o.decision.nextDecisionDate)) : O.concludedNoDecision;
    case "terminated":
      return o.endedOn ? fmt(O.terminated, formatEraDate(o.endedOn)) : O.terminatedNoDate;
    case "duplicate":
      return O.duplicate;
    case "duplicateInFile":
      return fmt(O.duplicateInFile, o.rowNo);
    case "needsDate":
      return O.needsDate;
    case "needsTerms":
      return O.needsTerms;
    case "needsSplit":
      return fmt(O.needsSplit, o.parts);
    default:
      return O.blocked;
  }
}

const cell: React.CSSProperties = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", wordBreak: "normal" };
const label: React.CSSProperties = { color: "#605e5c", fontSize: 12, display: "block" };

/** One labelled line inside a multiline cell: 「締結日」 above what the file wrote, or (`inline`) beside what was read. */
function Line({ name, children, inline }: { name: string; children: React.ReactNode; inline?: boolean }): JSX.Element {
  if (inline) {
    return (
      <div style={{ display: "grid", gridTemplateColumns: "5.5em minmax(0, 1fr)", columnGap: 6, marginBottom: 2 }}>
        <span style={{ ...label, paddingTop: 1 }}>{name}</span>
        <span style={cell}>{children}</span>
      </div>
    );
  }
  return (
    <div style={{ marginBottom: 4 }}>
      <span style={label}>{name}</span>
      <span style={cell}>{children}</span>
    </div>
  );
}

/** A partner the row imports: its name, whether it is new, and (new) its kind as guessed, editable. */
function PartnerLine({ partner, ariaLabel, showKind, onKind }: { partner: PlanPartner; ariaLabel: string; showKind: boolean; onKind: (kind: PartnerKind) => void }): JSX.Element {
  return (
    <div>
      <div style={{ fontWeight: 600 }}>
        {partner.name} <Text variant="small">{partner.id ? I.existingPartner : I.newPartner}</Text>
      </div>
      {partner.place && partner.id === null && <Text variant="small" block>{fmt(I.placeAsAddress, partner.place)}</Text>}
      {showKind && partner.id === null && (
        <Dropdown
          ariaLabel={ariaLabel}
          title={I.guessedKind}
          selectedKey={partner.kind}
          options={partnerKinds.map((k) => ({ key: k, text: strings.Partners.kinds[k] }))}
          onChange={(_, o) => o && onKind(o.key as PartnerKind)}
          styles={{ root: { maxWidth: 200, margin: "2px 0 4px" } }}
        />
      )}
    </div>
  );
}

/**
 * A cell naming several partners (「A大学、B大学及びC大学」): the split proposed, each part a
 * partner of its own with its kind, and the coordinator's choice to split it or keep it whole.
 */
function SplitChoice({ row, onDecide, onKind }: { row: ImportPlanRow; onDecide: (d: "split" | "whole") => void; onKind: (name: string, kind: PartnerKind) => void }): JSX.Element {
  const split = row.split!;
  const decidable = canDecideSplit(row);
  return (
    <div>
      <div style={{ fontWeight: 600 }}>{row.partnerName}</div>
      {decidable && (
        <>
          <Text variant="small" block>{I.splitProposed}</Text>
          <span id={`pd-split-${row.rowNo}`} hidden>{fmt(I.splitOf, row.rowNo)}</span>
          <ChoiceGroup
            ariaLabelledBy={`pd-split-${row.rowNo}`}
            selectedKey={split.decision ?? null}
            options={[
              { key: "split", text: fmt(I.splitInto, split.parts.length) },
              { key: "whole", text: I.keepWhole },
            ]}
            onChange={(_, o) => o && onDecide(o.key as "split" | "whole")}
            styles={{ flexContainer: { display: "flex", flexDirection: "column" } }}
          />
        </>
      )}
      {split.decision !== "whole" ? (
        <ul style={{ margin: "4px 0", paddingLeft: 16 }}>
          {split.parts.map((p) => (
            <li key={p.name}>
              <PartnerLine partner={p} ariaLabel={fmt(I.kindOfPart, row.rowNo, p.name)} showKind={decidable} onKind={(k) => onKind(p.name, k)} />
            </li>
          ))}
        </ul>
      ) : (
        <PartnerLine partner={rowPartners(row)[0]} ariaLabel={fmt(I.kindOf, row.rowNo)} showKind={decidable} onKind={(k) => onKind(row.partnerName, k)} />
      )}
    </div>
  );
}

/** The conclusion date typed by the coordinator where the file's could not be read; the error is said under the field. */
function DateEntry({ row, onApply }: { row: ImportPlanRow; onApply: (date: string) => void }): JSX.Element {
  const [text, setText] = React.useState("");
  const [error, setError] = React.useState<string | undefined>(undefined);
  const apply = (): void => {
    const r = parseJapaneseDate(text);
    if (!r.ok) return setError(problemLine({ field: "concluded", code: r.problem }));
    setError(undefined);
    onApply(r.date);
  };
  return (
    <div>
      <TextField
        label={fmt(I.enterDateOf, row.rowNo)}
        placeholder={I.enterDatePlaceholder}
        value={text}
        onChange={(_, v) => setText(v ?? "")}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
        errorMessage={error}
      />
      <DefaultButton style={{ marginTop: 4 }} text={I.applyDate} ariaLabel={fmt(I.applyDateOf, row.rowNo)} onClick={apply} />
    </div>
  );
}

/**
 * Import of the register the city already keeps: choose a file, see every row with what the
 * file wrote beside what was read and what the import will do with it, settle the rows that
 * need a decision (a date to type, terms to confirm, a partner's kind), then import.
 */
export function RegisterImportView({ service, today, onImported }: { service: RegisterImportService; today: string; onImported: () => void }): JSX.Element {
  const [plan, setPlan] = React.useState<ImportPlanRow[] | null>(null);
  /** Rows the coordinator unticked: left out of this import. */
  const [excluded, setExcluded] = React.useState<Set<number>>(new Set());
  const [checking, setChecking] = React.useState<ImportPlanRow | null>(null);
  const [columnsText, setColumnsText] = React.useState("");
  /** The file the preview shows (named above it: several registers may be imported one after another). */
  const [fileName, setFileName] = React.useState("");
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
      setFileName(file.name);
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
  const deciding = plan?.filter(needsDecision) ?? [];
  const dup = plan?.filter((r) => r.duplicateOfId !== null) ?? [];
  const bad = plan?.filter((r) => r.errors.length > 0 && !needsDecision(r)) ?? [];
  const setKind = (name: string, kind: PartnerKind): void => setPlan((p) => p && withPartnerKind(p, name, kind));
  const decideSplit = (rowNo: number, d: "split" | "whole"): void => setPlan((p) => p && p.map((r) => (r.rowNo === rowNo ? withSplitDecision(r, d) : r)));
  const toggle = (rowNo: number, on: boolean | undefined): void =>
    setExcluded((x) => {
      const n = new Set(x);
      if (on) n.delete(rowNo);
      else n.add(rowNo);
      return n;
    });
  const columns: IColumn[] = [
    {
      key: "row",
      name: I.rowNo,
      minWidth: 44,
      maxWidth: 52,
      onRender: (r: ImportPlanRow) => (
        <div>
          <div>{r.rowNo}</div>
          {importable(r) ? (
            <Checkbox ariaLabel={fmt(I.include, r.rowNo)} checked={!excluded.has(r.rowNo)} onChange={(_, on) => toggle(r.rowNo, on)} />
          ) : needsDecision(r) ? (
            <Checkbox ariaLabel={`${fmt(I.include, r.rowNo)}（${I.notTicked}）`} title={I.notTicked} checked={false} disabled />
          ) : null}
        </div>
      ),
    },
    {
      key: "agreement",
      name: I.agreementColumn,
      minWidth: 170, // narrower minimums, so the preview fits a 1024 px window (issue 33 item 9)
      maxWidth: 290,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => (
        <div style={cell}>
          {r.split ? (
            <SplitChoice row={r} onDecide={(d) => decideSplit(r.rowNo, d)} onKind={setKind} />
          ) : (
            r.partnerName && <PartnerLine partner={rowPartners(r)[0]} ariaLabel={fmt(I.kindOf, r.rowNo)} showKind={r.duplicateOfId === null} onKind={(k) => setKind(r.partnerName, k)} />
          )}
          <div>{r.title}</div>
          <ol style={{ margin: "4px 0 0", paddingLeft: 18 }}>
            {r.items.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ol>
        </div>
      ),
    },
    {
      key: "written",
      name: I.writtenColumn,
      minWidth: 160,
      maxWidth: 270,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => (
        <div style={{ background: "#faf9f8", padding: "2px 6px" }}>
          <Line name={I.writtenConcluded}>{r.concludedText || I.notWritten}</Line>
          <Line name={I.writtenClause}>{r.clause || I.notWritten}</Line>
        </div>
      ),
    },
    {
      key: "read",
      name: I.readColumn,
      minWidth: 220,
      maxWidth: 420,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => {
        const last = r.terms[r.terms.length - 1];
        return (
          <div>
            <Line inline name={I.readConcluded}>
              {r.concludedDate ? (
                <>
                  <DateText date={r.concludedDate} />
                  {r.concludedEntered && ` ${I.enteredDate}`}
                </>
              ) : (
                <span style={{ color: "#a4262c" }}>{I.unreadDate}</span>
              )}
            </Line>
            {canEnterDate(r) && <DateEntry row={r} onApply={(date) => setPlan((p) => p && service.withConcludedDate(p, r.rowNo, date))} />}
            {describeTerms(r.rules, r.errors.some((e) => e.field === "terms" && e.code === "renewalRepeatUnclear")).map(([k, v]) => (
              <Line inline key={k} name={k}>
                {v}
              </Line>
            ))}
            {last && hasExpiry(r.rules) && (
              <Line inline name={r.status === "terminated" ? I.endedTerm : I.currentTerm}>{fmt(I.termPeriod, last.termNo, formatEraDate(last.from), formatEraDate(last.to))}</Line>
            )}
            {r.concludedDate && r.status === "concluded" && (
              <Line inline name={I.nextDecision}>
                {r.nextDecision.nextDecisionDate ? (
                  <>
                    <strong>{formatEraDate(r.nextDecision.nextDecisionDate)}</strong>
                    <br />
                    {r.nextDecision.nextDecisionText}
                  </>
                ) : (
                  I.noDecision
                )}
              </Line>
            )}
            {r.termsConfirmed && <div>{I.confirmed}</div>}
            {(importable(r) || canConfirmTerms(r)) && (
              <div>
                <Link aria-label={fmt(I.editTerms, r.rowNo)} onClick={() => setChecking(r)}>
                  {I.editTermsShort}
                </Link>
              </div>
            )}
          </div>
        );
      },
    },
    {
      key: "outcome",
      name: I.outcomeColumn,
      minWidth: 170,
      isMultiline: true,
      onRender: (r: ImportPlanRow) => {
        const o = rowOutcome(r);
        const out = excluded.has(r.rowNo);
        // An import that ends an agreement is said in the warning colour, not as a plain success.
        const color = o.kind === "blocked" ? "#a4262c" : o.kind === "needsDate" || o.kind === "needsTerms" || o.kind === "needsSplit" || (o.kind === "terminated" && !out) ? "#8a3707" : out || o.kind === "duplicate" || o.kind === "duplicateInFile" ? "#605e5c" : "#107c10";
        return (
          <div style={cell}>
            {needsDecision(r) && <div style={{ fontWeight: 600, color }}>【{I.needsDecision}】</div>}
            <div style={{ fontWeight: 600, color }}>{outcomeLine(o, out)}</div>
            {importable(r) && !out && rowPartners(r).length > 1 && <div>{fmt(I.jointAgreement, rowPartners(r).length)}</div>}
            <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
              {[...r.errors, ...r.warnings].map((p, i) => (
                <li key={i} style={{ color: i < r.errors.length ? "#a4262c" : undefined }}>
                  {problemLine(p)}
                </li>
              ))}
            </ul>
          </div>
        );
      },
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
      {done && <MessageBar messageBarType={MessageBarType.success} role="status">{fmt(I.done, done.created, done.partnersCreated, done.skipped)}{done.alreadyImported > 0 ? ` ${fmt(I.alreadyImported, done.alreadyImported)}` : ""}</MessageBar>}
      {plan && (
        <>
          <Text as="h4" style={{ fontWeight: 600, margin: 0, overflowWrap: "anywhere" }} data-testid="pd-import-file">{fmt(I.fileName, fileName)}</Text>
          <Text>{columnsText}</Text>
          <Text role="status" style={{ fontWeight: 600 }}>{fmt(I.summary, plan.length, ready.length, deciding.length, dup.length, bad.length)}</Text>
          <div>
            <PrimaryButton text={fmt(I.confirm, ready.length)} onClick={() => void confirm()} disabled={action.busy || ready.length === 0} />
          </div>
          {deciding.length > 0 ? (
            <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fmt(ready.length === 0 ? I.waitingNoneReady : I.waiting, deciding.length)}</MessageBar>
          ) : (
            ready.length === 0 && <MessageBar>{I.nothing}</MessageBar>
          )}
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
          <ResponsiveDetailsList onShouldVirtualize={() => plan.length > 1000} items={plan} columns={columns} selectionMode={SelectionMode.none} getKey={(r: ImportPlanRow) => String(r.rowNo)} ariaLabelForGrid={I.heading} />
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

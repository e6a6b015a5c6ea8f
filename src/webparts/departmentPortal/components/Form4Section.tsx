import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ResponsiveList } from "../../../components/ResponsiveList";
import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IColumn, IconButton, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fiscalYearLabel, fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import { problemText } from "../../../components/problems";
import { changedFields, ConflictNotice, isConflict } from "../../../components/Conflict/ConflictNotice";
import type { CurrentUser } from "../../../data/contracts";
import type { ResultsService, ResultsYear } from "../../../data/services/ResultsService";
import { itemsByPartner } from "../../../domain/calls";
import { canEditResult } from "../../../domain/results";
import { formatEraDate, formatEraFiscalYear, tokyoDate } from "../../../domain/calendar";
import type { Department, ResultReport } from "../../../domain/types";
import { byReading } from "../../../domain/partners";
import { Toolbar } from "../../../components/light";
import { FocusedResult } from "../../../components/FocusedResult";

/** Refusals of 該当なし (and of rows after it) that concern the whole form, not a field. */
const NOTHING_CODES = ["draftsExist", "alreadySubmitted", "nothingToReportSubmitted"] as const;

/**
 * A department's results report (別紙④): rows NO 1…n, saved as draft, then submitted; or, with
 * nothing to report for the year, handed in as 該当なし (read-only afterwards).
 */
export function Form4Section({ service, department, user, fiscalYears, year: shown, onYearChange, matchings, onChanged }: { service: ResultsService; department: Department; user: CurrentUser; fiscalYears: number[]; /** The year shown, when the page chooses it (else the first of fiscalYears, then the user's choice). */ year?: number; onYearChange?: (fy: number) => void; /** The feedback rows of the year shown. */ matchings: Array<{ id: number; rowNo: number; title: string }>; onChanged?: () => void }): JSX.Element {
  const [own, setOwn] = React.useState(fiscalYears[0]);
  const fy = shown ?? own;
  const setFy = (y: number): void => (onYearChange ? onYearChange(y) : setOwn(y));
  const load = useLoad(() => service.year(fy), [service, fy]);
  const [editing, setEditing] = React.useState<ResultReport | "new" | null>(null);
  const [submitted, setSubmitted] = React.useState<number | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const [confirmingNothing, setConfirmingNothing] = React.useState(false);
  const [draftsFirst, setDraftsFirst] = React.useState(false);
  // Each submit done here (its result takes focus), and whether it was 該当なし.
  const [done, setDone] = React.useState(0);
  const [nothingDone, setNothingDone] = React.useState(false);
  const action = useAction();
  const year = load.data;
  const rows = year ? year.rows.filter((r) => r.department?.id === department.id).sort((a, b) => a.rowNo - b.rowNo) : [];
  const drafts = rows.filter((r) => r.status === "draft");
  const nothing = year?.nothingToReport.find((n) => n.department.id === department.id);
  const handedIn = rows.some((r) => r.status !== "draft");
  const canAct = user.role !== "visitor";
  const N = strings.Form4.nothingToReport;
  const nothingRefusal = action.problems.map((p) => p.code).find((c): c is (typeof NOTHING_CODES)[number] => (NOTHING_CODES as readonly string[]).includes(c));
  const columns: IColumn[] = [
    { key: "no", name: "NO", minWidth: 30, maxWidth: 36, onRender: (r: ResultReport) => r.rowNo },
    { key: "title", name: strings.Form4.title, minWidth: 160, isMultiline: true, onRender: (r: ResultReport) => r.title },
    { key: "content", name: strings.Form4.content, minWidth: 220, isMultiline: true, onRender: (r: ResultReport) => r.content },
    { key: "partner", name: strings.Form4.partner, minWidth: 130, isMultiline: true, onRender: (r: ResultReport) => r.partner?.title },
    { key: "status", name: strings.Form4.statusColumn, minWidth: 60, onRender: (r: ResultReport) => strings.Form4.status[r.status] },
    {
      key: "act",
      name: "",
      minWidth: 80,
      onRender: (r: ResultReport) =>
        canAct &&
        canEditResult(user.role, r) && (
          <Stack horizontal>
            <IconButton iconProps={{ iconName: "Edit" }} title={strings.Form4.edit} ariaLabel={`${strings.Form4.edit}: ${r.title}`} onClick={() => setEditing(r)} />
            <IconButton iconProps={{ iconName: "Delete" }} title={strings.Form4.remove} ariaLabel={`${strings.Form4.remove}: ${r.title}`} disabled={action.busy} onClick={() => void action.run(() => service.deleteRow(year!, department, r)).then((ok) => ok && load.reload())} />
          </Stack>
        ),
    },
  ];
  return (
    <section aria-label={strings.Form4.heading}>
      <Text as="h3" className={frameStyles.sectionTitle}>{strings.Form4.heading}</Text>
      <Dropdown label={strings.Form4.year} selectedKey={fy} options={fiscalYears.map((y) => ({ key: y, text: fiscalYearLabel(y) }))} onChange={(_, o) => o && setFy(Number(o.key))} styles={{ root: { maxWidth: 260 } }} />
      <ErrorBar error={load.error ?? action.error} onReload={load.reload} />
      {nothingRefusal && <MessageBar messageBarType={MessageBarType.warning} isMultiline role="alert">{N.refused[nothingRefusal]}</MessageBar>}
      {submitted !== null && (
        // Focused once the confirmation has closed (the message appears while it is still open).
        <FocusedResult focus={done > 0} focusKey={done}>
          <MessageBar messageBarType={MessageBarType.success} role="status">{fmt(strings.Form4.submitted, submitted)}</MessageBar>
        </FocusedResult>
      )}
      {!year && load.loading && <Spinner label={common.Loading} />}
      {year && (
        <>
          {canAct && !nothing && (
            // The form's actions wrap onto a second line where they do not fit (390 px in Teams), never under 「…」.
            <Toolbar
              ariaLabel={strings.Form4.heading}
              items={[
                { key: "add", text: strings.Form4.add, iconName: "Add", onClick: () => setEditing("new"), disabled: handedIn && user.role !== "coordinator" },
                { key: "submit", text: strings.Form4.submit, iconName: "Send", disabled: drafts.length === 0 || action.busy, onClick: () => setConfirming(true) },
                {
                  key: "nothingToReport",
                  text: N.action,
                  iconName: "StatusCircleBlock",
                  // A department that has handed in rows has reported; with drafts it is told to remove them first.
                  disabled: handedIn || action.busy,
                  onClick: () => {
                    action.clear();
                    if (drafts.length > 0) setDraftsFirst(true);
                    else setConfirmingNothing(true);
                  },
                },
              ]}
            />
          )}
          {draftsFirst && drafts.length > 0 && !nothing && (
            <MessageBar messageBarType={MessageBarType.warning} isMultiline role="alert" onDismiss={() => setDraftsFirst(false)}>
              {fmt(N.draftsFirst, drafts.length)}
            </MessageBar>
          )}
          {nothing ? (
            // Focused when it appears after 該当なしで提出する (not when the page opens on a year handed in so).
            <FocusedResult focus={nothingDone} focusKey={done}>
              <MessageBar messageBarType={MessageBarType.info} isMultiline data-testid="form4-nothing-to-report" role="status">
                <strong>{fmt(N.submittedOn, formatEraDate(tokyoDate(nothing.submittedAt)))}</strong>
                <br />
                {fmt(N.readOnly, formatEraFiscalYear(fy))}
              </MessageBar>
            </FocusedResult>
          ) : (
            <>
              {handedIn && user.role !== "coordinator" && <MessageBar>{strings.Form4.locked}</MessageBar>}
              <ResponsiveList items={rows} columns={columns} getKey={(r: ResultReport) => String(r.id)} ariaLabel={strings.Form4.heading} />
              {rows.length === 0 && <p>{common.NoItems}</p>}
            </>
          )}
          {confirmingNothing && (
            <ConfirmDialog
              title={N.action}
              text={fmt(N.confirm, formatEraFiscalYear(fy))}
              confirm={N.action}
              busy={action.busy}
              onCancel={() => setConfirmingNothing(false)}
              onConfirm={() =>
                void action
                  .run(async () => {
                    await service.submitNothingToReport(year, department);
                  })
                  .then((ok) => {
                    setConfirmingNothing(false);
                    // Reloaded either way: a refusal may mean rows were added meanwhile.
                    load.reload();
                    if (ok) {
                      setNothingDone(true);
                      setDone((n) => n + 1);
                      onChanged?.();
                    }
                  })
              }
            />
          )}
          {confirming && (
            <ConfirmDialog
              title={strings.Form4.submit}
              text={fmt(strings.Form4.confirmSubmit, drafts.length, fiscalYearLabel(fy))}
              confirm={strings.Form4.submit}
              busy={action.busy}
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                void action
                  .run(async () => setSubmitted(await service.submit(year, department)))
                  .then((ok) => {
                    setConfirming(false);
                    if (ok) {
                      setDone((n) => n + 1);
                      load.reload();
                      onChanged?.();
                    }
                  })
              }
            />
          )}
          {editing && <RowDialog year={year} department={department} service={service} row={editing === "new" ? undefined : editing} matchings={matchings} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load.reload(); }} />}
        </>
      )}
    </section>
  );
}

function RowDialog({ year, department, service, row, matchings, onClose, onSaved }: { year: ResultsYear; department: Department; service: ResultsService; row?: ResultReport; matchings: Array<{ id: number; rowNo: number; title: string }>; onClose: () => void; onSaved: () => void }): JSX.Element {
  const [section, setSection] = React.useState(row?.sectionName ?? department.sectionName);
  const [title, setTitle] = React.useState(row?.title ?? "");
  const [content, setContent] = React.useState(row?.content ?? "");
  const [partnerId, setPartnerId] = React.useState<number | null>(row?.partner?.id ?? null);
  const [itemId, setItemId] = React.useState<number | null>(row?.partnershipItem?.id ?? null);
  const [matchingId, setMatchingId] = React.useState<number | null>(row?.matching?.id ?? null);
  const action = useAction();
  // The row as SharePoint has it now: after a conflict it is read again (fresh ETag); what the user typed stays.
  const [base, setBase] = React.useState<ResultReport | undefined>(row);
  const [changed, setChanged] = React.useState<string[] | null>(null);
  const reloadKeep = async (): Promise<void> => {
    if (!row) return;
    const ok = await action.run(async () => {
      const fresh = await service.row(row.id);
      setBase(fresh);
      setChanged(
        changedFields([
          { label: strings.Form4.section, before: row.sectionName, after: fresh.sectionName },
          { label: strings.Form4.title, before: row.title, after: fresh.title },
          { label: strings.Form4.content, before: row.content, after: fresh.content },
          { label: strings.Form4.partner, before: row.partner?.id, after: fresh.partner?.id },
          { label: strings.Form4.item, before: row.partnershipItem?.id, after: fresh.partnershipItem?.id },
        ]),
      );
    });
    if (!ok) setChanged(null);
  };
  const itemsOf = itemsByPartner(year.agreements, year.items);
  const partners = year.partners.filter((p) => itemsOf.has(p.id)).sort(byReading);
  const err = (f: string): string | undefined => problemText({ required: common.FieldProblems.required, tooLong: common.FieldProblems.tooLong }, action.problems, f, common.FieldProblems.required);
  const save = async (): Promise<void> => {
    const p = year.partners.find((x) => x.id === partnerId);
    const ok = await action.run(() =>
      service.saveRow(year, department, { sectionName: section, title, content, partner: p ? { id: p.id, title: p.name } : null, partnershipItem: itemId ? { id: itemId, title: "" } : null, matching: matchingId ? { id: matchingId, title: "" } : null }, base),
    );
    if (ok) onSaved();
  };
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.Form4.heading, subText: department.title }} minWidth={600} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void reloadKeep() : undefined} />
      <ConflictNotice changed={changed} />
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={strings.Form4.section} value={section} onChange={(_, v) => setSection(v ?? "")} errorMessage={err("sectionName")} />
        <TextField label={strings.Form4.title} required value={title} onChange={(_, v) => setTitle(v ?? "")} errorMessage={err("title")} />
        <TextField label={strings.Form4.content} required multiline rows={4} value={content} onChange={(_, v) => setContent(v ?? "")} errorMessage={err("content")} />
        <Dropdown label={strings.Form4.partner} required selectedKey={partnerId ?? undefined} options={partners.map((p) => ({ key: p.id, text: p.name }))} onChange={(_, o) => { if (o) { setPartnerId(Number(o.key)); setItemId(null); } }} errorMessage={err("partner")} />
        <Dropdown label={strings.Form4.item} disabled={!partnerId} selectedKey={itemId ?? "none"} options={[{ key: "none", text: strings.Form4.none }, ...(partnerId ? (itemsOf.get(partnerId) ?? []) : []).map((i) => ({ key: i.id, text: `${fmt(common.ItemNo, i.itemNo)} ${i.text}` }))]} onChange={(_, o) => o && setItemId(o.key === "none" ? null : Number(o.key))} />
        <Dropdown label={strings.Form4.matching} selectedKey={matchingId ?? "none"} options={[{ key: "none", text: strings.Form4.none }, ...matchings.map((m) => ({ key: m.id, text: `NO.${m.rowNo} ${m.title}` }))]} onChange={(_, o) => o && setMatchingId(o.key === "none" ? null : Number(o.key))} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.Form4.save} onClick={() => void save()} disabled={action.busy} />
        <DefaultButton text={strings.Form4.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

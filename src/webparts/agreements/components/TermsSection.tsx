import * as React from "react";
import { Checkbox, ChoiceGroup, CommandBar, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { DateText } from "../../../components/DateText";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import * as common from "CommonStrings";
import { changedFields, ConflictNotice, isConflict, useReloadKeep } from "../../../components/Conflict/ConflictNotice";
import { formatDateBoth } from "../../../domain/calendar";
import { firstTerm, nextTerm, nextTermDecision, rulesOf, TermRules } from "../../../domain/terms";
import type { ObjectionBy } from "../../../domain/types";
import type { AgreementStory } from "../../../data/services/AgreementService";
import type { TermsService } from "../../../data/services/TermsService";
import { describeTerms } from "./termsText";
import { fieldError, generalErrors } from "./problems";
import { moreActions } from "../../../components/moreActions";

export interface ITermsSectionProps {
  story: AgreementStory;
  canEdit: boolean;
  service: TermsService;
  bufferDays: number;
  today: string;
  onChanged: () => void;
}

/** The agreement's terms as written, the next decision they lead to, and the renewal chain. */
export function TermsSection({ story, canEdit, service, bufferDays, today, onChanged }: ITermsSectionProps): JSX.Element {
  const a = story.agreement;
  const [dialog, setDialog] = React.useState<"edit" | "decide" | null>(null);
  const decision = nextTermDecision(a, a.termStart ?? a.concludedDate, story.terms, today, bufferDays);
  const inForce = a.status === "concluded" || a.status === "underReview";
  const T = strings.Terms;
  return (
    <>
      {canEdit && (
        <CommandBar overflowButtonProps={moreActions}
          ariaLabel={T.heading}
          items={[
            { key: "edit", text: T.edit, iconProps: { iconName: "Edit" }, onClick: () => setDialog("edit") },
            ...(inForce && decision ? [{ key: "decide", text: T.decide, iconProps: { iconName: "Calendar" }, onClick: () => setDialog("decide") }] : []),
          ]}
        />
      )}
      <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "2px 12px", margin: "4px 0" }}>
        {describeTerms(a).map(([k, v]) => (
          <React.Fragment key={k}>
            <dt>{k}</dt>
            <dd style={{ margin: 0 }}>{v}</dd>
          </React.Fragment>
        ))}
        {a.termClause && (
          <>
            <dt>{T.clause}</dt>
            <dd style={{ margin: 0, whiteSpace: "pre-wrap", color: "#424242" }}>{a.termClause}</dd>
          </>
        )}
        {inForce && decision && (
          <>
            <dt>{T.next}</dt>
            <dd style={{ margin: 0 }}>
              {decision.next ? fmt(T.nextRenewal, decision.term.termNo, formatDateBoth(decision.term.to), decision.next.termNo, formatDateBoth(decision.next.to)) : fmt(T.expires, decision.term.termNo, formatDateBoth(decision.term.to))}
              <br />
              <strong>{fmt(T.decisionBy, formatDateBoth(decision.decisionDate), formatDateBoth(decision.noticeDeadline))}</strong>
              {decision.noticeInWriting && T.writing}
            </dd>
          </>
        )}
      </dl>
      {story.terms.length > 0 && (
        <table style={{ borderCollapse: "collapse", marginTop: 6 }} aria-label={T.chain}>
          <caption style={{ textAlign: "left", fontWeight: 600, padding: "4px 0" }}>{T.chain}</caption>
          <thead>
            <tr>
              {["", T.from, T.to, T.decidedBy, T.objection].map((h, i) => (
                <th key={i} scope="col" style={{ textAlign: "left", padding: "2px 10px 2px 0", borderBottom: "1px solid #d1d1d1" }}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {story.terms.map((t) => (
              <tr key={t.id}>
                <th scope="row" style={{ textAlign: "left", padding: "2px 10px 2px 0", fontWeight: 400 }}>{fmt(strings.Detail.termN, t.termNo)}</th>
                <td style={{ padding: "2px 10px 2px 0" }}><DateText date={t.termFrom} /></td>
                <td style={{ padding: "2px 10px 2px 0" }}>{t.termTo ? <DateText date={t.termTo} /> : strings.Detail.termOpen}</td>
                <td style={{ padding: "2px 10px 2px 0" }}>{t.decidedBy}</td>
                <td style={{ padding: "2px 10px 2px 0", whiteSpace: "pre-wrap" }}>{t.objection || T.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog === "edit" && <TermsDialog story={story} service={service} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onChanged(); }} />}
      {dialog === "decide" && <DecisionDialog story={story} service={service} bufferDays={bufferDays} today={today} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onChanged(); }} />}
    </>
  );
}

type InitialKind = "none" | "months" | "date" | "fiscalYear";
const kindOf = (r: TermRules): InitialKind => (r.initialTermEnd ? "date" : r.initialTermMonths ? "months" : r.endsAtFiscalYearEnd ? "fiscalYear" : "none");
/** A month or year count as typed (full-width digits too); empty means "none". */
const num = (s: string | undefined): number | null => {
  const n = Number((s ?? "").normalize("NFKC"));
  return (s ?? "").trim() === "" || Number.isNaN(n) ? null : n;
};

/** Edits the terms as written, with the dates they give shown as they are typed. */
export function TermsEditor({ value, onChange, start, problems }: { value: TermRules; onChange: (r: TermRules) => void; start: string | null; problems: Array<{ field: string; code: string }> }): JSX.Element {
  const D = strings.TermsDialog;
  const kind = kindOf(value);
  const setKind = (k: InitialKind): void =>
    onChange({ ...value, initialTermMonths: k === "months" ? (value.initialTermMonths ?? 12) : null, initialTermEnd: k === "date" ? (value.initialTermEnd ?? start ?? "") : null, endsAtFiscalYearEnd: k === "fiscalYear" ? true : k === "months" ? value.endsAtFiscalYearEnd : false, ...(k === "none" ? { renewalMonths: null, noticeMonths: null, noticeDays: null } : {}) });
  let preview: string[] = [];
  if (start && kind !== "none") {
    const t1 = firstTerm(value, start);
    const t2 = t1 && nextTerm(value, t1);
    const t3 = t2 && nextTerm(value, t2);
    preview = [t1, t2, t3].filter(Boolean).map((t) => `${fmt(strings.Detail.termN, t!.termNo)}: ${formatDateBoth(t!.from)} 〜 ${formatDateBoth(t!.to)}`);
  }
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ChoiceGroup label={D.kind} selectedKey={kind} options={(["none", "months", "date", "fiscalYear"] as InitialKind[]).map((k) => ({ key: k, text: D.kinds[k] }))} onChange={(_, o) => o && setKind(o.key as InitialKind)} />
      {kind === "months" && (
        <>
          <TextField label={D.months} type="number" min={1} value={value.initialTermMonths === null ? "" : String(value.initialTermMonths)} onChange={(_, v) => onChange({ ...value, initialTermMonths: num(v) })} errorMessage={fieldError(problems, "initialTermMonths")} />
          <Checkbox label={D.fyEnd} checked={value.endsAtFiscalYearEnd} onChange={(_, c) => onChange({ ...value, endsAtFiscalYearEnd: !!c })} />
        </>
      )}
      {kind === "date" && <TextField label={D.endDate} type="date" value={value.initialTermEnd ?? ""} onChange={(_, v) => onChange({ ...value, initialTermEnd: v || null })} errorMessage={fieldError(problems, "initialTermEnd")} />}
      {kind !== "none" && (
        <>
          <TextField label={D.renewalMonths} type="number" min={1} value={value.renewalMonths === null ? "" : String(value.renewalMonths)} onChange={(_, v) => onChange({ ...value, renewalMonths: num(v) })} errorMessage={fieldError(problems, "renewalMonths")} />
          <Checkbox label={D.repeats} checked={value.renewalRepeats} disabled={!value.renewalMonths} onChange={(_, c) => onChange({ ...value, renewalRepeats: !!c })} />
          <TextField label={D.noticeMonths} type="number" min={0} value={value.noticeMonths === null ? "" : String(value.noticeMonths)} onChange={(_, v) => onChange({ ...value, noticeMonths: num(v) })} errorMessage={fieldError(problems, "noticeMonths")} />
          <TextField label={D.noticeDays} type="number" min={1} value={value.noticeDays ? String(value.noticeDays) : ""} onChange={(_, v) => onChange({ ...value, noticeDays: num(v) })} errorMessage={fieldError(problems, "noticeDays")} />
          <Checkbox label={D.writing} checked={value.noticeInWriting} onChange={(_, c) => onChange({ ...value, noticeInWriting: !!c })} />
        </>
      )}
      <TextField label={D.reviewYears} type="number" min={1} value={value.reviewCycleYears === null ? "" : String(value.reviewCycleYears)} onChange={(_, v) => onChange({ ...value, reviewCycleYears: num(v) })} errorMessage={fieldError(problems, "reviewCycleYears")} />
      {preview.length > 0 && (
        <div role="status" aria-label={D.preview}>
          <strong>{D.preview}</strong>
          <ul style={{ margin: "2px 0", paddingLeft: 18 }}>{preview.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
    </Stack>
  );
}

function TermsDialog({ story, service, onClose, onDone }: { story: AgreementStory; service: TermsService; onClose: () => void; onDone: () => void }): JSX.Element {
  const [rules, setRules] = React.useState<TermRules>(rulesOf(story.agreement));
  const [clause, setClause] = React.useState(story.agreement.termClause);
  const action = useAction();
  // After a 412: the agreement read again (fresh ETag); the terms as typed are kept.
  const { base, reloaded, reloadKeep } = useReloadKeep({ agreement: story.agreement, terms: story.terms }, () => service.fresh(story.agreement.id));
  const a = base.agreement;
  const D = strings.TermsDialog;
  const changed = reloaded
    ? changedFields([
        { label: strings.Terms.heading, before: rulesOf(story.agreement), after: rulesOf(a) },
        { label: D.clause, before: story.agreement.termClause, after: a.termClause },
      ])
    : null;
  const save = async (): Promise<void> => {
    if (await action.run(() => service.saveTerms(a, base.terms, rules, clause))) onDone();
  };
  const fields = ["initialTermMonths", "initialTermEnd", "renewalMonths", "noticeMonths", "noticeDays", "reviewCycleYears", "termClause"];
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: strings.TermsDialog.heading, subText: a.title }} minWidth={560} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void action.run(reloadKeep) : undefined} />
      <ConflictNotice changed={changed} />
      {generalErrors(action.problems, fields).map((m) => <MessageBar key={m} messageBarType={MessageBarType.error}>{m}</MessageBar>)}
      <TermsEditor value={rules} onChange={setRules} start={a.termStart ?? a.concludedDate} problems={action.problems} />
      <TextField label={strings.TermsDialog.clause} multiline rows={3} value={clause} onChange={(_, v) => setClause(v ?? "")} errorMessage={fieldError(action.problems, "termClause")} />
      <DialogFooter>
        <PrimaryButton text={strings.TermsDialog.save} onClick={() => void save()} disabled={action.busy} />
        <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

function DecisionDialog({ story, service, bufferDays, today, onClose, onDone }: { story: AgreementStory; service: TermsService; bufferDays: number; today: string; onClose: () => void; onDone: () => void }): JSX.Element {
  // After a 412: the agreement and its terms read again (fresh ETag); the decision as typed is kept.
  const { base, reloaded, reloadKeep } = useReloadKeep({ agreement: story.agreement, terms: story.terms }, () => service.fresh(story.agreement.id));
  const a = base.agreement;
  const d = nextTermDecision(a, a.termStart ?? a.concludedDate, base.terms, today, bufferDays);
  const changed = reloaded ? changedFields([{ label: strings.Terms.heading, before: [rulesOf(story.agreement), story.agreement.status, story.terms.length], after: [rulesOf(a), a.status, base.terms.length] }]) : null;
  const [outcome, setOutcome] = React.useState<"renewed" | "ended">(d?.renews ? "renewed" : "ended");
  const [decidedOn, setDecidedOn] = React.useState(today);
  const [by, setBy] = React.useState<ObjectionBy>("none");
  const [detail, setDetail] = React.useState("");
  const action = useAction();
  const submit = async (): Promise<void> => {
    if (await action.run(() => service.recordTermDecision(a, base.terms, bufferDays, { outcome, decidedOn: decidedOn || null, objectionBy: outcome === "renewed" ? "none" : by, detail }))) onDone();
  };
  const D = strings.Decision;
  return (
    <Dialog hidden={false} onDismiss={onClose} dialogContentProps={{ type: DialogType.largeHeader, title: D.heading, subText: a.title }} minWidth={560} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void action.run(reloadKeep) : undefined} />
      <ConflictNotice changed={changed} />
      {generalErrors(action.problems, ["decidedOn", "objectionBy"]).map((m) => <MessageBar key={m} messageBarType={MessageBarType.error}>{m}</MessageBar>)}
      {d && (
        <Stack tokens={{ childrenGap: 8 }}>
          <TextField label={D.term} readOnly borderless value={`${fmt(strings.Detail.termN, d.term.termNo)}: ${formatDateBoth(d.term.from)} 〜 ${formatDateBoth(d.term.to)}`} />
          <ChoiceGroup label={D.outcome} selectedKey={outcome} options={[{ key: "renewed", text: D.outcomes.renewed, disabled: !d.renews }, { key: "ended", text: D.outcomes.ended }]} onChange={(_, o) => o && setOutcome(o.key as "renewed" | "ended")} />
          <TextField label={D.decidedOn} type="date" required value={decidedOn} onChange={(_, v) => setDecidedOn(v ?? "")} errorMessage={fieldError(action.problems, "decidedOn")} />
          {outcome === "ended" && (
            <>
              <Dropdown label={D.objectionBy} selectedKey={by} options={(["none", "city", "partner"] as ObjectionBy[]).map((o) => ({ key: o, text: strings.Review.objectionByOptions[o] }))} onChange={(_, o) => o && setBy(o.key as ObjectionBy)} errorMessage={fieldError(action.problems, "objectionBy")} />
              <TextField label={D.detail} multiline rows={3} value={detail} onChange={(_, v) => setDetail(v ?? "")} />
            </>
          )}
        </Stack>
      )}
      <DialogFooter>
        <PrimaryButton text={D.submit} onClick={() => void submit()} disabled={action.busy || !d} />
        <DefaultButton text={strings.Actions.cancel} onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

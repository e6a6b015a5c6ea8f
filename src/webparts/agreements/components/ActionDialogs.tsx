import * as React from "react";
import { Checkbox, ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import type { NotificationService } from "../../../data/services/NotificationService";
import { surveyNotice } from "./surveyNotice";
import { changedFields, ConflictNotice, isConflict, useReloadKeep } from "../../../components/Conflict/ConflictNotice";
import { fmt } from "../../../components/format";
import type { AgreementService, AgreementStory } from "../../../data/services/AgreementService";
import type { Department, ObjectionBy, ReviewOutcome } from "../../../domain/types";
import { looksLikePdf } from "../../../domain/agreementLifecycle";
import { formatEraFiscalYear } from "../../../domain/calendar";
import { fieldError, generalErrors } from "./problems";
import { useAction } from "../../../components/hooks/useAction";
import { Criterion, declineReasonCiting, parseScreening, summarizeScreening } from "../../../domain/screening";
import { DecisionAside } from "./ScreeningSection";

export type DialogKind = "survey" | "conclude" | "decline" | "review";

export interface IActionDialogProps {
  kind: DialogKind;
  story: AgreementStory;
  departments: Department[];
  /** The site's intake criteria, shown beside the decision and citable in a decline. */
  criteria: Criterion[];
  service: AgreementService;
  today: string;
  /** A survey's notice goes to the departments' channels once it is launched. */
  notifications?: NotificationService;
  portalUrl?: string;
  onClose: () => void;
  onDone: () => void;
}

const headings: Record<DialogKind, () => string> = {
  survey: () => strings.Survey.heading,
  conclude: () => strings.Conclude.heading,
  decline: () => strings.Decline.heading,
  review: () => strings.Review.heading,
};

/** The decisions of an agreement's life, each a dialog that keeps what was typed when it fails. */
export function ActionDialog(props: IActionDialogProps): JSX.Element {
  const action = useAction();
  // After a 412 (someone saved the agreement meanwhile): read it again, fresh ETag; the form keeps what was typed.
  const { base: story, reloaded, reloadKeep } = useReloadKeep(props.story, () => props.service.story(props.story.agreement.id));
  const before = props.story.agreement;
  const changed = reloaded
    ? changedFields([
        { label: strings.Columns.status, before: before.status, after: story.agreement.status },
        { label: strings.Columns.title, before: before.title, after: story.agreement.title },
        { label: strings.Terms.heading, before: [before.termEnd, before.nextReviewDate, props.story.terms.length], after: [story.agreement.termEnd, story.agreement.nextReviewDate, story.terms.length] },
      ])
    : null;
  const submitRef = React.useRef<() => Promise<void>>(async () => undefined);
  const fields: Record<DialogKind, string[]> = {
    survey: ["briefingDate", "briefingTime", "surveyDeadline", "departments"],
    conclude: ["concludedDate", "termStart", "signedPdf"],
    decline: ["declinedReason", "declinedDate"],
    review: ["reviewDate", "objectionBy", "objectionDetail"],
  };
  const submit = async (): Promise<void> => {
    if (await action.run(() => submitRef.current())) props.onDone();
  };
  const body = { ...props, story, problems: action.problems, bindSubmit: (fn: () => Promise<void>) => (submitRef.current = fn) };
  const labels: Record<DialogKind, string> = { survey: strings.Survey.launch, conclude: strings.Conclude.submit, decline: strings.Decline.submit, review: strings.Review.submit };
  return (
    <Dialog hidden={false} onDismiss={props.onClose} dialogContentProps={{ type: DialogType.largeHeader, title: headings[props.kind]() }} minWidth={560} modalProps={{ isBlocking: true }}>
      <ErrorBar error={action.error} reloadLabel={isConflict(action.error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(action.error) ? () => void action.run(reloadKeep) : undefined} />
      <ConflictNotice changed={changed} />
      {generalErrors(action.problems, fields[props.kind]).map((m) => (
        <MessageBar key={m} messageBarType={MessageBarType.error}>
          {m}
        </MessageBar>
      ))}
      {(props.kind === "conclude" || props.kind === "decline") && <DecisionAside story={story} criteria={props.criteria} departments={props.departments} today={props.today} />}
      {props.kind === "survey" && <SurveyForm {...body} />}
      {props.kind === "conclude" && <ConcludeForm {...body} />}
      {props.kind === "decline" && <DeclineForm {...body} />}
      {props.kind === "review" && <ReviewForm {...body} />}
      <DialogFooter>
        <PrimaryButton text={labels[props.kind]} onClick={submit} disabled={action.busy} />
        <DefaultButton text={strings.Actions.cancel} onClick={props.onClose} />
      </DialogFooter>
    </Dialog>
  );
}

type FormProps = IActionDialogProps & { problems: Array<{ field: string; code: string }>; bindSubmit: (fn: () => Promise<void>) => void };

function SurveyForm({ story, departments, service, today, problems, bindSubmit, notifications, portalUrl }: FormProps): JSX.Element {
  const a = story.agreement;
  const [briefingDate, setBriefingDate] = React.useState(a.briefingDate ?? "");
  const [briefingTime, setBriefingTime] = React.useState(a.briefingTime ?? "");
  const [place, setPlace] = React.useState(a.briefingPlace);
  const [deadline, setDeadline] = React.useState(a.surveyDeadline ?? "");
  const active = departments.filter((d) => d.active && !d.isCoordinator);
  const [chosen, setChosen] = React.useState<Set<number>>(new Set(story.survey.map((r) => r.department?.id ?? 0).filter(Boolean)));
  bindSubmit(async () => {
    await service.launchSurvey(a, story.items, { briefingDate: briefingDate || null, briefingTime, briefingPlace: place, briefingDepartmentIds: [...chosen], deadline: deadline || null, departmentIds: [...chosen] });
    // Each department asked is told in its channel (once; a failure is recorded and shown with the survey).
    if (notifications) {
      const launched = { ...a, surveyDeadline: deadline || null, briefingDate: briefingDate || null, briefingTime, briefingPlace: place };
      await service.notifySurvey(launched, departments, notifications, surveyNotice(launched, portalUrl ?? ""));
    }
  });
  const toggle = (id: number, on: boolean): void => setChosen((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        <TextField label={strings.Detail.briefingDate} type="date" value={briefingDate} onChange={(_, v) => setBriefingDate(v ?? "")} errorMessage={fieldError(problems, "briefingDate")} />
        <TextField label={strings.Detail.briefingTime} type="time" value={briefingTime} onChange={(_, v) => setBriefingTime(v ?? "")} errorMessage={fieldError(problems, "briefingTime")} />
        <TextField label={strings.Detail.surveyDeadline} type="date" required value={deadline} min={today} onChange={(_, v) => setDeadline(v ?? "")} errorMessage={fieldError(problems, "surveyDeadline")} />
      </Stack>
      <TextField label={strings.Detail.briefingPlace} value={place} onChange={(_, v) => setPlace(v ?? "")} />
      {notifications && !portalUrl && <MessageBar messageBarType={MessageBarType.warning}>{strings.SurveyNotice.noPortalPage}</MessageBar>}
      <fieldset style={{ border: "1px solid #d1d1d1", padding: 8 }}>
        <legend>{strings.Survey.departments}</legend>
        <Checkbox label={strings.Survey.allDepartments} checked={chosen.size === active.length} onChange={(_, c) => setChosen(new Set(c ? active.map((d) => d.id) : []))} />
        <div style={{ columns: 2, marginTop: 6 }}>
          {active.map((d) => (
            <Checkbox key={d.id} label={d.title} checked={chosen.has(d.id)} onChange={(_, c) => toggle(d.id, !!c)} styles={{ root: { marginBottom: 4 } }} />
          ))}
        </div>
        {fieldError(problems, "departments") && <div role="alert" style={{ color: "#a4262c" }}>{fieldError(problems, "departments")}</div>}
      </fieldset>
    </Stack>
  );
}

function ConcludeForm({ story, service, today, problems, bindSubmit }: FormProps): JSX.Element {
  const [date, setDate] = React.useState(today);
  const [start, setStart] = React.useState(today);
  const [file, setFile] = React.useState<{ name: string; bytes: Uint8Array } | null>(null);
  bindSubmit(() =>
    service.conclude(
      story.agreement,
      { concludedDate: date || null, termStart: start || null, signedPdf: file ? { name: file.name, size: file.bytes.length, isPdf: looksLikePdf(file.bytes) } : null },
      file ?? { name: "", bytes: new Uint8Array() },
    ),
  );
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    setFile(f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null);
  };
  const pdfError = fieldError(problems, "signedPdf");
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TextField label={strings.Conclude.concludedDate} type="date" required value={date} onChange={(_, v) => setDate(v ?? "")} errorMessage={fieldError(problems, "concludedDate")} />
      <TextField label={strings.Conclude.termStart} type="date" required value={start} onChange={(_, v) => setStart(v ?? "")} errorMessage={fieldError(problems, "termStart")} />
      <label htmlFor="pd-signed-pdf" style={{ fontWeight: 600 }}>
        {strings.Conclude.signedPdf}
      </label>
      <input id="pd-signed-pdf" type="file" accept="application/pdf,.pdf" onChange={onFile} aria-invalid={!!pdfError} />
      {pdfError && <div role="alert" style={{ color: "#a4262c" }}>{pdfError}</div>}
    </Stack>
  );
}

function DeclineForm({ story, criteria, service, today, problems, bindSubmit }: FormProps): JSX.Element {
  const unmet = summarizeScreening(criteria, parseScreening(story.agreement.screening)).unmet;
  const [reason, setReason] = React.useState("");
  const [date, setDate] = React.useState(today);
  const [cited, setCited] = React.useState<Set<string>>(new Set(unmet.map((c) => c.id)));
  bindSubmit(() => service.decline(story.agreement, declineReasonCiting(unmet.filter((c) => cited.has(c.id)), reason), date || null));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {unmet.length > 0 && (
        <fieldset style={{ border: "1px solid #d1d1d1", padding: 8 }}>
          <legend>{strings.Screening.cite}</legend>
          {unmet.map((c) => (
            <Checkbox key={c.id} label={c.text} checked={cited.has(c.id)} onChange={(_, on) => setCited((s) => new Set(on ? [...s, c.id] : [...s].filter((x) => x !== c.id)))} styles={{ root: { marginBottom: 4 } }} />
          ))}
        </fieldset>
      )}
      <TextField label={strings.Decline.reason} required multiline rows={4} value={reason} onChange={(_, v) => setReason(v ?? "")} errorMessage={fieldError(problems, "declinedReason")} />
      <TextField label={strings.Decline.date} type="date" required value={date} onChange={(_, v) => setDate(v ?? "")} errorMessage={fieldError(problems, "declinedDate")} />
    </Stack>
  );
}

const outcomes: ReviewOutcome[] = ["renewed", "objection", "revised", "terminated"];
const objectionBys: ObjectionBy[] = ["none", "city", "partner"];

function ReviewForm({ story, service, today, problems, bindSubmit }: FormProps): JSX.Element {
  const a = story.agreement;
  const [date, setDate] = React.useState(today);
  const [outcome, setOutcome] = React.useState<ReviewOutcome>("renewed");
  const [by, setBy] = React.useState<ObjectionBy>("none");
  const [detail, setDetail] = React.useState("");
  const [lookBack, setLookBack] = React.useState("");
  const fill = async (): Promise<void> => {
    const lb = await service.lookBack(a, story.items, a.nextReviewDate ?? today);
    const lines = [
      // Years in 令和 as the city writes them (the Western year for the English text); only years within the term.
      ...lb.fiscalYears.map((fy, i) => fmt(strings.Review.lookBackLine, formatEraFiscalYear(fy), lb.perYear[i], fy)),
      ...lb.perItem.map((p) => fmt(strings.Review.lookBackItem, p.item.itemNo, p.item.text, p.total)),
      fmt(strings.Review.lookBackOther, lb.otherPerYear.reduce((x, y) => x + y, 0)),
      ...(lb.fiscalYears.length < (a.reviewCycleYears ?? 3) ? [lb.fiscalYears.length ? fmt(strings.Review.lookBackWithinTerm, formatEraFiscalYear(lb.fiscalYears[0])) : strings.Review.lookBackNoYear] : []),
    ];
    setLookBack(lines.join("\n"));
  };
  bindSubmit(() => service.recordReview(a, story.terms, { reviewDate: date, outcome, objectionBy: outcome === "renewed" ? "none" : by, objectionDetail: detail, lookBack }));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TextField label={strings.Review.dueDate} readOnly value={a.nextReviewDate ?? ""} borderless />
      <TextField label={strings.Review.reviewDate} type="date" required value={date} onChange={(_, v) => setDate(v ?? "")} errorMessage={fieldError(problems, "reviewDate")} />
      <ChoiceGroup label={strings.Review.outcome} selectedKey={outcome} options={outcomes.map((o) => ({ key: o, text: strings.Review.outcomes[o] }))} onChange={(_, o) => o && setOutcome(o.key as ReviewOutcome)} />
      {outcome !== "renewed" && (
        <>
          <Dropdown label={strings.Review.objectionBy} required selectedKey={by} options={objectionBys.map((o) => ({ key: o, text: strings.Review.objectionByOptions[o] }))} onChange={(_, o) => o && setBy(o.key as ObjectionBy)} errorMessage={fieldError(problems, "objectionBy")} />
          <TextField label={strings.Review.objectionDetail} required multiline rows={3} value={detail} onChange={(_, v) => setDetail(v ?? "")} errorMessage={fieldError(problems, "objectionDetail")} />
        </>
      )}
      <TextField label={strings.Review.lookBack} multiline rows={5} value={lookBack} onChange={(_, v) => setLookBack(v ?? "")} />
      <DefaultButton text={strings.Review.lookBackFill} onClick={() => void fill()} iconProps={{ iconName: "BarChartVertical" }} />
    </Stack>
  );
}

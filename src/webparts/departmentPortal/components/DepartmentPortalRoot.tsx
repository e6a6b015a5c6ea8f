import { withAnswers } from "../../../domain/submissions";
import * as React from "react";
import { IColumn, Link, Spinner } from "@fluentui/react";
import { Notice, Select, Toolbar } from "../../../components/light";
import { ResponsiveList } from "../../../components/ResponsiveList";
import { WishCell } from "./WishCell";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import type { IAppServices } from "../../../components/IAppServices";
import { AppFrame } from "../../../components/AppFrame/AppFrame";
import { fmt } from "../../../components/format";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { SummaryTiles } from "../../../components/SummaryTiles";
import { useLoad } from "../../../components/hooks/useLoad";
import { EarlyRead, useEarlyRead } from "../../../components/hooks/useEarlyRead";
import type { CurrentUser } from "../../../data/contracts";
import { readOwnRows, readPortal, readPortalAgain, PortalLists, startFirstReads } from "../../../data/firstReads";
import { fiscalYearOf, formatEraDate } from "../../../domain/calendar";
import { resolveDepartment } from "../../../domain/departments";
import type { CityProposal, Matching, SurveyResponse } from "../../../domain/types";
import { departmentTodo, TodoItem, todoCount } from "../../../domain/departmentTodo";
import { TodoList } from "./TodoList";
import { rowAnswerText } from "../../../domain/matching";
import { isNoProposal, proposalsOnly } from "../../../domain/noProposal";
import { lazyNamed, whenLoaded } from "../../../components/Deferred";
import { ContactText } from "../../../components/BreakableText";
import { FocusedResult } from "../../../components/FocusedResult";
import { editionTitle } from "../../../components/editionTitle";

// The first view is the department's to-do list and its lists; the proposal dialog and the Form 4
// section (further down the page) come in chunks of their own.
const CityProposalDialog = lazyNamed(() => import(/* webpackChunkName: "pd-portal-proposal" */ "./CityProposalDialog").then((m) => m.CityProposalDialog));
/** A survey's answer form appears only while the department has a survey to answer. */
const SurveyAnswerForm = lazyNamed(() => import(/* webpackChunkName: "pd-portal-survey" */ "./SurveyAnswerForm").then((m) => m.SurveyAnswerForm));
/** 提案なし for Form 2: only while a Form 2 call concerns the department. */
const NoProposalBar = lazyNamed(() => import(/* webpackChunkName: "pd-portal-no-proposal" */ "./NoProposalBar").then((m) => m.NoProposalBar));
const Form4Section = lazyNamed(() => import(/* webpackChunkName: "pd-portal-form4" */ "./Form4Section").then((m) => m.Form4Section));

export interface IDepartmentPortalRootProps {
  services: IAppServices;
  /** From the Teams tab context, when hosted in Teams. */
  teams?: { teamId: string; channelId: string };
  /** From the property pane. */
  departmentCode?: string;
}

function Portal({ services, teams, departmentCode, user, early }: IDepartmentPortalRootProps & { user: CurrentUser; early: EarlyRead<PortalLists> }): JSX.Element {
  const fy = fiscalYearOf(services.today);
  const { data } = services;
  const load = useLoad(async () => {
    const hints = { teamId: teams?.teamId, channelId: teams?.channelId, configuredCode: departmentCode };
    const r = await early.take(() => readPortalAgain(data, fy, user, hints));
    const dept = resolveDepartment(r.departments, { ...hints, userCodes: user.departmentCodes });
    // For the to-do list, the departments' own rows (a clerk of two departments gets both, a
    // coordinator the portal's department too), read with the lists; read now only if the
    // department shown is not among them (its web part's department code has just changed).
    const extra = dept && dept.active && !r.ownOf.includes(dept.id) ? await readOwnRows(data, fy, [dept]) : { results: [], answered: [] };
    // The partner's answers are the coordinator's own list: joined to the department's proposals here.
    return { ...r, proposals: withAnswers(r.proposals, r.answers), dept, results: [...r.own.results, ...extra.results], answered: [...r.own.answered, ...extra.answered] };
  }, [services, teams?.teamId, teams?.channelId, departmentCode, user]);

  // What the portal writes with: its own chunk, fetched while the lists above are read.
  const more = useLoad(() => import(/* webpackChunkName: "pd-portal-services" */ "./portalServices").then((m) => m.portalServices(data, user, services.today)), [data, user, services.today]);
  // The last survey answer sent (a revision or not); n moves focus to the message again on the next one.
  const [thanks, setThanks] = React.useState<{ revised: boolean; n: number } | null>(null);
  // A clerk of two departments (兼務) chooses which one the portal shows.
  const [chosen, setChosen] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState<CityProposal | "new" | null>(null);
  // The year the Form 4 section shows, once chosen (by the user or a to-do item).
  const [form4Year, setForm4Year] = React.useState<number | null>(null);
  // The year it opened on, kept while the page stays (handing that year in does not move the section).
  const openedForm4Year = React.useRef<number | null>(null);
  // What the last save in the proposal dialog did, said above the list (the dialog has closed).
  const [proposalSaved, setProposalSaved] = React.useState<{ status: "draft" | "submitted"; date: string; n: number } | null>(null);
  const d = load.data;
  if (load.loading && !d) return <Spinner label={common.Loading} />;
  // A reload that failed keeps the page as last read (and any open dialog), with the error above it.
  if (!d) return load.error ? <ErrorBar error={load.error} onReload={load.reload} /> : <></>;
  const mine = d.departments.filter((x) => x.active && user.departmentCodes.includes(x.code));
  const dept = (chosen ? mine.find((x) => x.code === chosen) : undefined) ?? d.dept;
  if (!dept) return user.role === "visitor" ? <Notice kind="info">{strings.VisitorNote}</Notice> : <Notice kind="warning">{strings.NoDepartment}</Notice>;
  const deptId = dept.id;
  const issued = new Set(d.issues.map((i) => i.id));
  const editionOf = new Map(d.issues.map((i) => [i.id, i.editionNo]));
  // The feedback rows issued to the department (the year just ended's too, for its Form 4).
  const feedbackAll = d.matchings
    .filter((m) => m.issue && issued.has(m.issue.id) && (m.allDepartments || m.targetDepartments.some((t) => t.id === deptId)))
    // Newest edition first, rows in their NO order within it.
    .sort((a, b) => (editionOf.get(b.issue?.id ?? 0) ?? 0) - (editionOf.get(a.issue?.id ?? 0) ?? 0) || a.rowNo - b.rowNo);
  const feedback = feedbackAll.filter((m) => m.fiscalYear === fy);
  // The department's rows of Form 2 since last year (a Form 2 call of last year may still be open; its to-do is done once handed in): its proposals, and any 提案なし (a marker, never listed as a proposal). The list shows this year's.
  const form2Rows = d.proposals.filter((p) => p.department?.id === deptId);
  const proposals = proposalsOnly(form2Rows).filter((p) => p.fiscalYear === fy);
  const surveys = d.surveys.filter((s) => s.department?.id === deptId);
  // Answered surveys of agreements still being surveyed stay visible, read-only.
  const surveying = new Set(d.agreements.map((a) => a.id));
  const answered = d.answered.filter((s) => s.department?.id === deptId && s.agreement && surveying.has(s.agreement.id));
  const todo = departmentTodo({ departmentId: deptId, today: services.today, calls: d.calls, proposals: form2Rows, results: d.results, surveys: [...surveys, ...answered], agreements: d.agreements, issues: d.issues.filter((x) => x.fiscalYear === fy), feedback })
    // A Form 3 edition's title in the screen's language (the stored title is Japanese).
    .map((t) => {
      const issue = t.kind === "feedback" ? d.issues.find((x) => x.id === t.refId) : undefined;
      return issue ? { ...t, title: editionTitle(issue) } : t;
    });
  // Form 4 opens on the year of the first Form 4 still owed (in April: the year just ended), else on this year.
  const form4Years = [...new Set([fy, fy - 1, ...todo.filter((t) => t.kind === "form4" && t.fiscalYear !== undefined).map((t) => t.fiscalYear!)])].sort((a, b) => b - a);
  const owedForm4 = todo.find((t) => t.kind === "form4" && t.state !== "done")?.fiscalYear;
  if (openedForm4Year.current === null) openedForm4Year.current = owedForm4 ?? fy;
  const shownForm4Year = form4Year ?? openedForm4Year.current;
  const answerOf = rowAnswerText(d.proposals, common.PartnerAnswer);
  const scrollTo = (id: string): string => {
    document.getElementById(id)?.scrollIntoView({ behavior: "smooth", block: "start" });
    return id;
  };
  // A Form 2 still to do opens the proposal dialog; any other item leads to its part of the page (the to-do list moves focus there).
  const openTodo = (t: TodoItem): string | undefined => {
    if (t.kind === "form2" && t.state !== "done" && user.role !== "visitor") setEditing("new");
    else {
      // A Form 4 item leads to the form opened on its call's year.
      if (t.kind === "form4" && t.fiscalYear !== undefined) setForm4Year(t.fiscalYear);
      return scrollTo(t.kind === "form2" ? "pd-portal-form2" : t.kind === "form4" ? "pd-portal-form4" : t.kind === "survey" ? `pd-portal-survey-${t.refId}` : "pd-portal-feedback");
    }
    return undefined;
  };

  const feedbackColumns: IColumn[] = [
    { key: "edition", name: strings.Columns.edition, minWidth: 50, maxWidth: 60, onRender: (m: Matching) => fmt(strings.Columns.editionNo, editionOf.get(m.issue?.id ?? 0) ?? "") },
    { key: "no", name: strings.Columns.no, minWidth: 36, maxWidth: 40, onRender: (m: Matching) => m.rowNo },
    { key: "title", name: strings.Columns.title, minWidth: 180, isMultiline: true, onRender: (m: Matching) => m.title },
    { key: "content", name: strings.Columns.content, minWidth: 240, isMultiline: true, onRender: (m: Matching) => m.content },
    { key: "partner", name: strings.Columns.partner, minWidth: 160, isMultiline: true, onRender: (m: Matching) => <ContactText parts={[m.partner?.title, m.contactName, m.contactEmail, m.contactPhone]} /> },
    { key: "answer", name: strings.Columns.partnerAnswer, minWidth: 140, isMultiline: true, onRender: (m: Matching) => answerOf(m) },
    {
      key: "wish",
      name: strings.Wish.column,
      minWidth: 200,
      isMultiline: true,
      onRender: (m: Matching) => (
        <WishCell row={m} wish={d.wishes.find((w) => w.matching?.id === m.id && w.department?.id === deptId)} canWish={user.role !== "visitor" && more.data !== undefined} onWish={(person, comment) => more.data!.matching.wish({ fiscalYear: fy, wishes: d.wishes }, m, dept!, person, comment).then(load.reload)} onWithdraw={(w) => more.data!.matching.withdrawWish(w).then(load.reload)} />
      ),
    },
  ];
  const proposalColumns: IColumn[] = [
    { key: "title", name: strings.Columns.title, minWidth: 220, isMultiline: true, onRender: (p: CityProposal) => <Link onClick={() => setEditing(p)}>{p.title}</Link> },
    { key: "partner", name: strings.Columns.partner, minWidth: 160, isMultiline: true, onRender: (p: CityProposal) => p.partner?.title },
    { key: "status", name: strings.Form4.statusColumn, minWidth: 70, maxWidth: 100, onRender: (p: CityProposal) => strings.Form2.status[p.status] },
    { key: "answer", name: strings.Columns.answer, minWidth: 120, maxWidth: 140, onRender: (p: CityProposal) => common.PartnerAnswer[p.partnerAnswer] },
  ];
  const byAgreement = new Map<number, SurveyResponse[]>();
  for (const r of [...surveys, ...answered]) if (r.agreement) byAgreement.set(r.agreement.id, [...(byAgreement.get(r.agreement.id) ?? []), r]);
  const openSurveys = new Set(surveys.map((r) => r.agreement?.id)).size;
  return (
    <>
      <ErrorBar error={load.error} onReload={load.reload} />
      {mine.length > 1 ? (
        <Select label={strings.ChooseDepartment} value={dept.code} options={mine.map((x) => ({ key: x.code, text: x.title }))} onChange={setChosen} maxWidth={360} large />
      ) : (
        <h3 className={frameStyles.largeHeading} style={{ margin: 0 }}>{dept.title}</h3>
      )}
      <SummaryTiles
        label={strings.SummaryLabel}
        tiles={[
          { label: strings.Summary.todo, value: todoCount(todo) },
          { label: strings.Summary.surveys, value: openSurveys },
          { label: strings.Summary.feedback, value: feedback.length },
          { label: strings.Summary.proposals, value: proposals.length },
        ]}
      />
      <TodoList items={todo} onOpen={openTodo} />
      {/* The surveys first: what a department answers sits above the long feedback list. */}
      <h3 className={frameStyles.sectionTitle}>{strings.SurveysHeading}</h3>
      {thanks && (
        <FocusedResult focusKey={thanks.n}>
          <Notice kind="success" onDismiss={() => setThanks(null)}>{thanks.revised ? strings.SurveyForm.revised : strings.SurveyForm.thanks}</Notice>
        </FocusedResult>
      )}
      {[...byAgreement.entries()].map(([agreementId, rows]) => (
        <React.Fragment key={agreementId}>
          {whenLoaded(more, (m) => (
            <SurveyAnswerForm
              // Read again after an answer: the form starts from the rows as they are now (fresh ETags for a revision).
              key={rows.map((r) => r.etag).join()}
              anchorId={`pd-portal-survey-${agreementId}`}
              agreement={d.agreements.find((a) => a.id === agreementId)}
              rows={rows.sort((a, b) => (a.partnershipItem?.id ?? 0) - (b.partnershipItem?.id ?? 0))}
              service={m.agreements}
              onAnswered={(revised) => {
                setThanks((t) => ({ revised, n: (t?.n ?? 0) + 1 }));
                load.reload();
              }}
            />
          ))}
        </React.Fragment>
      ))}
      {byAgreement.size === 0 && <p>{common.NoItems}</p>}
      <h3 id="pd-portal-feedback" className={frameStyles.sectionTitle}>{strings.FeedbackHeading}</h3>
      <ResponsiveList items={feedback} columns={feedbackColumns} getKey={(m: Matching) => String(m.id)} ariaLabel={strings.FeedbackHeading} />
      {feedback.length === 0 && <p>{common.NoItems}</p>}
      <h3 id="pd-portal-form2" className={frameStyles.sectionTitle}>{strings.ProposalsHeading}</h3>
      {proposalSaved && (
        <FocusedResult focusKey={proposalSaved.n}>
          <Notice kind="success" role="status" onDismiss={() => setProposalSaved(null)}>
            {proposalSaved.status === "submitted" ? fmt(strings.Form2.submitted, formatEraDate(proposalSaved.date)) : strings.Form2.saved}
          </Notice>
        </FocusedResult>
      )}
      {user.role !== "visitor" && <Toolbar items={[{ key: "add", text: strings.Form2.add, iconName: "Add", onClick: () => setEditing("new") }]} />}
      {todo.some((t) => t.kind === "form2") && whenLoaded(more, (m) => <NoProposalBar service={m.cycle} department={dept} calls={todo} markers={form2Rows.filter(isNoProposal)} canAct={user.role !== "visitor"} onChanged={load.reload} />)}
      {editing && whenLoaded(more, (m) => (
        <CityProposalDialog
          service={m.cycle}
          fiscalYear={fy}
          department={dept}
          existing={editing === "new" ? undefined : editing}
          today={services.today}
          onClose={() => setEditing(null)}
          onSaved={(status) => {
            setEditing(null);
            setProposalSaved((p) => ({ status, date: services.today, n: (p?.n ?? 0) + 1 }));
            load.reload();
          }}
        />
      ))}
      <ResponsiveList items={proposals} columns={proposalColumns} getKey={(p: CityProposal) => String(p.id)} ariaLabel={strings.ProposalsHeading} />
      {proposals.length === 0 && <p>{common.NoItems}</p>}
      <div id="pd-portal-form4" />
      {whenLoaded(more, (m) => <Form4Section service={m.results} department={dept} user={user} fiscalYears={form4Years} year={shownForm4Year} onYearChange={setForm4Year} matchings={feedbackAll.filter((f) => f.fiscalYear === shownForm4Year).map((f) => ({ id: f.id, rowNo: f.rowNo, title: f.title }))} onChanged={load.reload} />)}
    </>
  );
}

/** 部署ポータル: what concerns one department; also its Teams tab. */
export function DepartmentPortalRoot(props: IDepartmentPortalRootProps): JSX.Element {
  // Who is signed in, the departments and the year's lists are read together, the own rows as
  // soon as the first two are known (src/data/firstReads); started in onInit, else on mounting.
  const hints = { teamId: props.teams?.teamId, channelId: props.teams?.channelId, configuredCode: props.departmentCode };
  const services = React.useMemo(() => (props.services.firstReads ? props.services : { ...props.services, firstReads: startFirstReads(props.services.data, props.services.today, "departmentPortal", Promise.resolve(hints)) }), [props.services]); // eslint-disable-line react-hooks/exhaustive-deps
  const early = useEarlyRead(() => services.firstReads?.take("portal") ?? readPortal(services.data, fiscalYearOf(services.today), { user: services.data.currentUser(), departments: services.data.departments.list(), hints: Promise.resolve(hints) }));
  return <AppFrame services={services} title={strings.Title} onNotSetUp={early.discard}>{(user) => <Portal {...props} services={services} user={user} early={early} />}</AppFrame>;
}

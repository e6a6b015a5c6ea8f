import { fiscalYearOf } from "./calendar";
import type { Agreement, Call, CityProposalRow, IsoDate, Matching, MatchingIssue, ResultReport, SurveyResponse } from "./types";

/**
 * What is asked of one department now (部署への依頼), for the top of its portal: the open calls
 * for Form 2 and Form 4 addressed to it with their deadline and the coordinator's message, the
 * internal surveys it is asked to answer, and the feedback lists issued to it. Answered
 * surveys and submitted forms stay listed as done. Counts are of things to do, not of rows.
 */

export type TodoKind = "form2" | "form4" | "survey" | "feedback";
/** todo: still to do; late: to do and past its deadline; done: submitted or answered; info: to look at, nothing owed. */
export type TodoState = "todo" | "late" | "done" | "info";

export interface TodoItem {
  key: string;
  kind: TodoKind;
  title: string;
  deadline: IsoDate | null;
  /** The coordinator's message with the call, or the agreement's proposed content for a survey. */
  message: string;
  state: TodoState;
  /** Rows behind it: drafts not yet submitted (Form 2/4), items to answer (survey), rows (feedback). */
  count: number;
  /** The call, the agreement surveyed or the edition. */
  refId: number;
  /** The fiscal year a call is about (in April, Form 4's is the year just ended); the form opens on it. */
  fiscalYear?: number;
  /** Form 4 handed in as 該当なし (nothing to report this year): done, with no rows. */
  nothingToReport?: boolean;
  /** Form 2 handed in as 提案なし (nothing to propose this year): done, with no proposal. */
  noProposal?: boolean;
  /** A survey's briefing (庁内説明会): its day and place, as the coordinator entered them when launching it. */
  briefing?: { date: IsoDate | null; time: string; place: string };
}

export interface TodoInput {
  departmentId: number;
  today: IsoDate;
  calls: Call[];
  proposals: CityProposalRow[];
  results: ResultReport[];
  surveys: SurveyResponse[];
  agreements: Array<Pick<Agreement, "id" | "title" | "surveyDeadline" | "proposedContent"> & Partial<Pick<Agreement, "briefingDate" | "briefingTime" | "briefingPlace">>>;
  issues: MatchingIssue[];
  feedback: Matching[];
}

const owed = (deadline: IsoDate | null, today: IsoDate): TodoState => (deadline && deadline < today ? "late" : "todo");

export function departmentTodo(i: TodoInput): TodoItem[] {
  const mine = <T extends { department: { id: number } | null }>(rows: T[]): T[] => rows.filter((r) => r.department?.id === i.departmentId);
  const out: TodoItem[] = [];
  for (const call of i.calls) {
    if (call.status !== "open" || call.form === "form1" || !call.recipientDepartments.some((d) => d.id === i.departmentId)) continue;
    if (call.form === "form2") {
      const rows = mine(i.proposals).filter((p) => p.call?.id === call.id || (!p.call && p.fiscalYear === call.fiscalYear));
      // Submitted proposals, or 提案なし (nothing to propose), hand the year's Form 2 in.
      const proposed = rows.some((p) => p.status === "submitted");
      const noProposal = !proposed && rows.some((p) => p.status === "noProposal");
      const drafts = rows.filter((p) => p.status === "draft").length;
      out.push({ key: `call:${call.id}`, kind: "form2", title: call.title, deadline: call.deadline, message: call.message, state: (proposed || noProposal) && drafts === 0 ? "done" : owed(call.deadline, i.today), count: drafts, refId: call.id, fiscalYear: call.fiscalYear, ...(noProposal ? { noProposal } : {}) });
    } else {
      const rows = mine(i.results).filter((r) => r.fiscalYear === call.fiscalYear);
      // Submitted rows, or 該当なし (nothing to report), hand the year's Form 4 in.
      const submitted = rows.some((r) => r.status !== "draft");
      const nothingToReport = !rows.some((r) => r.status === "submitted" || r.status === "published") && rows.some((r) => r.status === "nothingToReport");
      const drafts = rows.filter((r) => r.status === "draft").length;
      out.push({ key: `call:${call.id}`, kind: "form4", title: call.title, deadline: call.deadline, message: call.message, state: submitted && drafts === 0 ? "done" : owed(call.deadline, i.today), count: drafts, refId: call.id, fiscalYear: call.fiscalYear, ...(nothingToReport ? { nothingToReport } : {}) });
    }
  }
  const byAgreement = new Map<number, SurveyResponse[]>();
  for (const r of mine(i.surveys)) if (r.agreement) byAgreement.set(r.agreement.id, [...(byAgreement.get(r.agreement.id) ?? []), r]);
  for (const [agreementId, rows] of byAgreement) {
    const a = i.agreements.find((x) => x.id === agreementId);
    const open = rows.filter((r) => r.status === "requested").length;
    out.push({ key: `survey:${agreementId}`, kind: "survey", title: a?.title ?? rows[0].agreement?.title ?? "", deadline: a?.surveyDeadline ?? null, message: a?.proposedContent ?? "", state: open === 0 ? "done" : owed(a?.surveyDeadline ?? null, i.today), count: open || rows.length, refId: agreementId, ...(a && (a.briefingDate || a.briefingPlace?.trim()) ? { briefing: { date: a.briefingDate ?? null, time: a.briefingDate ? (a.briefingTime ?? "") : "", place: (a.briefingPlace ?? "").trim() } } : {}) });
  }
  for (const issue of i.issues) {
    if (issue.status !== "issued") continue;
    const rows = i.feedback.filter((m) => m.issue?.id === issue.id && (m.allDepartments || m.targetDepartments.some((t) => t.id === i.departmentId)));
    if (rows.length) out.push({ key: `issue:${issue.id}`, kind: "feedback", title: issue.title, deadline: null, message: issue.message, state: "info", count: rows.length, refId: issue.id });
  }
  // What is owed first (late, then by deadline), then what is to look at, then what is done; within
  // each, a call about an earlier year (in April, Form 4 for the year just ended) before this year's.
  const rank: Record<TodoState, number> = { late: 0, todo: 1, info: 2, done: 3 };
  const fy = fiscalYearOf(i.today);
  const yearOf = (t: TodoItem): number => Math.min(t.fiscalYear ?? fy, fy);
  return out.sort((a, b) => rank[a.state] - rank[b.state] || yearOf(a) - yearOf(b) || (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") || a.key.localeCompare(b.key));
}

/** Things this department still has to do (what the portal's first tile counts). */
export const todoCount = (items: TodoItem[]): number => items.filter((t) => t.state === "todo" || t.state === "late").length;

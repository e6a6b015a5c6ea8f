import { formatEraDate, isValidIsoDate } from "./calendar";
import { addDays, daysBetween } from "./review";
import { nextTermDecision } from "./terms";
import type { Agreement, AgreementTerm, IsoDate } from "./types";

/**
 * The review calendar keyed on decision dates: every agreement in force has at most one
 * next term decision (renew or let it end, from its written terms) and one next review
 * (the guideline's three-yearly look at the partnership). Each is listed from its
 * decision date — when the city must make up its mind to give notice in time — and a
 * reminder goes to the coordinators' channel on that date.
 */

export type DecisionKind = "review" | "renewal" | "expiry";
export type DecisionState = "overdue" | "today" | "dueSoon";

export interface DecisionEntry {
  agreement: Agreement;
  kind: DecisionKind;
  /** The review date, or the last day of the term. */
  dueDate: IsoDate;
  termNo: number | null;
  noticeDeadline: IsoDate | null;
  noticeInWriting: boolean;
  decisionDate: IsoDate;
  state: DecisionState;
  /** Days from today to the decision date; negative when overdue. */
  daysLeft: number;
  /** Never two reminders for the same agreement and term (or review date). */
  reminderKey: string;
}

export function decisionEntries(a: Agreement, terms: Array<Pick<AgreementTerm, "termNo" | "termFrom" | "termTo">>, today: IsoDate, bufferDays: number): Omit<DecisionEntry, "state" | "daysLeft">[] {
  if (a.status !== "concluded" && a.status !== "underReview") return [];
  const out: Omit<DecisionEntry, "state" | "daysLeft">[] = [];
  const d = nextTermDecision(a, a.termStart ?? a.concludedDate, terms, today, bufferDays);
  if (d) {
    out.push({
      agreement: a,
      kind: d.renews ? "renewal" : "expiry",
      dueDate: d.term.to,
      termNo: d.term.termNo,
      noticeDeadline: d.noticeDeadline,
      noticeInWriting: d.noticeInWriting,
      decisionDate: d.decisionDate,
      reminderKey: `decision:${a.id}:term${d.term.termNo}`,
    });
  }
  if (a.nextReviewDate && isValidIsoDate(a.nextReviewDate)) {
    // A review that falls on the day the term is decided anyway is the same meeting.
    const sameAsTerm = d && Math.abs(daysBetween(d.term.to, a.nextReviewDate)) <= 1;
    if (!sameAsTerm) {
      out.push({
        agreement: a,
        kind: "review",
        dueDate: a.nextReviewDate,
        termNo: null,
        noticeDeadline: null,
        noticeInWriting: false,
        decisionDate: addDays(a.nextReviewDate, -bufferDays),
        reminderKey: `decision:${a.id}:review${a.nextReviewDate}`,
      });
    }
  }
  return out;
}

/** Decisions due within the window and overdue ones, the most urgent first. */
export function decisionCalendar(agreements: Agreement[], terms: AgreementTerm[], today: IsoDate, bufferDays: number, windowDays: number): DecisionEntry[] {
  const termsOf = new Map<number, AgreementTerm[]>();
  for (const t of terms) if (t.agreement) termsOf.set(t.agreement.id, [...(termsOf.get(t.agreement.id) ?? []), t]);
  const horizon = addDays(today, windowDays);
  return agreements
    .flatMap((a) => decisionEntries(a, termsOf.get(a.id) ?? [], today, bufferDays))
    .filter((e) => e.decisionDate <= horizon)
    .map((e) => {
      const daysLeft = daysBetween(today, e.decisionDate);
      return { ...e, daysLeft, state: (daysLeft < 0 ? "overdue" : daysLeft === 0 ? "today" : "dueSoon") as DecisionState };
    })
    .sort((x, y) => (x.decisionDate < y.decisionDate ? -1 : x.decisionDate > y.decisionDate ? 1 : x.agreement.id - y.agreement.id));
}

/** Entries whose decision date has come: a reminder is due for each (once). */
export const remindersDue = (entries: DecisionEntry[]): DecisionEntry[] => entries.filter((e) => e.state !== "dueSoon");

/**
 * What an agreement keeps in its own columns for the next decision (次の判断期日 and what is
 * decided), so that SharePoint itself can remind without our page open: a list view sorted
 * on the date, a scheduled Power Automate flow or a list rule reads them. Kept current by
 * every write that changes an agreement's status, terms or review date, and repaired when the
 * calendar is opened. Written in the city's words: the flow posts it as it stands.
 */
export interface DecisionColumns {
  nextDecisionDate: IsoDate | null;
  nextDecisionText: string;
}

export function nextDecisionColumns(a: Agreement, terms: Array<Pick<AgreementTerm, "termNo" | "termFrom" | "termTo">>, today: IsoDate, bufferDays: number): DecisionColumns {
  const [first] = decisionEntries(a, terms, today, bufferDays).sort((x, y) => (x.decisionDate < y.decisionDate ? -1 : x.decisionDate > y.decisionDate ? 1 : 0));
  if (!first) return { nextDecisionDate: null, nextDecisionText: "" };
  return { nextDecisionDate: first.decisionDate, nextDecisionText: decisionText(first).slice(0, 255) };
}

/** 「第2期の更新の判断（満了 令和9年3月31日、申出期限 令和8年12月31日・書面）」 */
export function decisionText(e: Pick<DecisionEntry, "kind" | "termNo" | "dueDate" | "noticeDeadline" | "noticeInWriting">): string {
  if (e.kind === "review") return `協定の見直し（見直し日 ${formatEraDate(e.dueDate)}）`;
  const what = e.kind === "renewal" ? "更新の判断" : "満了の判断";
  const notice = e.noticeDeadline && e.noticeDeadline !== e.dueDate ? `、申出期限 ${formatEraDate(e.noticeDeadline)}${e.noticeInWriting ? "・書面" : ""}` : "";
  return `第${e.termNo ?? 1}期の${what}（満了 ${formatEraDate(e.dueDate)}${notice}）`;
}

/** Agreements whose stored decision columns differ from what their terms say now. */
export function staleDecisionColumns(agreements: Agreement[], terms: AgreementTerm[], today: IsoDate, bufferDays: number): Array<{ agreement: Agreement; columns: DecisionColumns }> {
  const termsOf = new Map<number, AgreementTerm[]>();
  for (const t of terms) if (t.agreement) termsOf.set(t.agreement.id, [...(termsOf.get(t.agreement.id) ?? []), t]);
  return agreements.flatMap((a) => {
    const columns = nextDecisionColumns(a, termsOf.get(a.id) ?? [], today, bufferDays);
    return columns.nextDecisionDate !== (a.nextDecisionDate ?? null) || columns.nextDecisionText !== (a.nextDecisionText ?? "") ? [{ agreement: a, columns }] : [];
  });
}

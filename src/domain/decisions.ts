import { isValidIsoDate } from "./calendar";
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

export function decisionEntries(a: Agreement, terms: AgreementTerm[], today: IsoDate, bufferDays: number): Omit<DecisionEntry, "state" | "daysLeft">[] {
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

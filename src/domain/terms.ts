import { daysInMonth, fiscalYearOf } from "./calendar";
import { addDays } from "./review";
import type { AgreementTerm, IsoDate, TermRules } from "./types";

/**
 * Agreement terms as written (協定期間・更新・申出): the initial term, the renewal unit and
 * whether renewal repeats, the notice window before expiry and whether notice must be in
 * writing. From them come the dates people act on: the current term's end, the notice
 * deadline (term end minus the window) and the decision date (notice deadline minus a
 * buffer, so the city decides before it must tell the partner).
 *
 * Periods are counted as the Civil Code counts them (民法第143条): a term of n months
 * from the 10th ends on the 9th n months later; when that month has no corresponding day
 * (a month from 31 January) it ends on the month's last day.
 */

export type { TermRules };

export const GUIDELINE_TERMS: TermRules = {
  // The guideline: no expiry; reviewed every three years and renewed unless either side objects.
  initialTermMonths: null,
  initialTermEnd: null,
  endsAtFiscalYearEnd: false,
  renewalMonths: null,
  renewalRepeats: true,
  noticeMonths: null,
  noticeInWriting: false,
  reviewCycleYears: 3,
};

export const DEFAULT_DECISION_BUFFER_DAYS = 30;

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
const split = (d: IsoDate): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];

/** The same day `months` later (or earlier), or the last day of that month when it has no such day. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = split(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** The last day of a period of `months` beginning on `start` (民法第143条第2項). */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  const [y, m, d] = split(start);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  if (d > daysInMonth(ny, nm)) return `${pad(ny, 4)}-${pad(nm)}-${pad(daysInMonth(ny, nm))}`;
  return addDays(`${pad(ny, 4)}-${pad(nm)}-${pad(d)}`, -1);
}

export function fiscalYearEnd(date: IsoDate): IsoDate {
  return `${fiscalYearOf(date) + 1}-03-31`;
}

export interface TermPeriod {
  termNo: number;
  from: IsoDate;
  to: IsoDate;
}

export type TermProblem = "noRenewalUnit" | "endBeforeStart" | "noticeLongerThanTerm";

/** Problems with a set of terms as entered (besides each field's own range). */
export function validateTerms(rules: TermRules, start: IsoDate | null): TermProblem[] {
  const problems: TermProblem[] = [];
  if (start && rules.initialTermEnd && rules.initialTermEnd < start) problems.push("endBeforeStart");
  const hasTerm = !!rules.initialTermEnd || !!rules.initialTermMonths || rules.endsAtFiscalYearEnd;
  if (!hasTerm && rules.renewalMonths) problems.push("noRenewalUnit");
  const shortest = Math.min(...[rules.initialTermMonths, rules.renewalMonths].filter((n): n is number => !!n));
  if (rules.noticeMonths && Number.isFinite(shortest) && rules.noticeMonths >= shortest) problems.push("noticeLongerThanTerm");
  // A month is at least 28 days: a notice of that many days times the shortest term's months leaves no term.
  if (rules.noticeDays && Number.isFinite(shortest) && rules.noticeDays >= shortest * 28) problems.push("noticeLongerThanTerm");
  return problems;
}

export function hasExpiry(rules: TermRules): boolean {
  return !!rules.initialTermEnd || !!rules.initialTermMonths || rules.endsAtFiscalYearEnd;
}

/** The first term, from the start date; null when the agreement has no expiry. */
export function firstTerm(rules: TermRules, start: IsoDate): TermPeriod | null {
  if (!hasExpiry(rules)) return null;
  let to: IsoDate;
  if (rules.initialTermEnd) to = rules.initialTermEnd;
  else if (rules.initialTermMonths) to = periodEnd(start, rules.initialTermMonths);
  else to = start; // "until the end of this fiscal year"
  if (rules.endsAtFiscalYearEnd) to = fiscalYearEnd(to);
  return { termNo: 1, from: start, to };
}

/** Whether term `termNo` is followed by another under the written terms. */
export function renewsAfter(rules: TermRules, termNo: number): boolean {
  if (!rules.renewalMonths) return false;
  return rules.renewalRepeats || termNo === 1;
}

/** The term that follows `term` under the rules, or null when it does not renew. */
export function nextTerm(rules: TermRules, term: TermPeriod): TermPeriod | null {
  if (!renewsAfter(rules, term.termNo)) return null;
  const from = addDays(term.to, 1);
  return { termNo: term.termNo + 1, from, to: periodEnd(from, rules.renewalMonths!) };
}

/**
 * The terms from `start` up to the one in force on `date` (renewed each time the rules
 * allow), or up to the last one when the agreement ended before `date`.
 */
export function termsThrough(rules: TermRules, start: IsoDate, date: IsoDate): TermPeriod[] {
  const out: TermPeriod[] = [];
  let term = firstTerm(rules, start);
  while (term && out.length < 1200) {
    out.push(term);
    if (term.to >= date) break;
    term = nextTerm(rules, term);
  }
  return out;
}

/** The term in force on `date` as the rules would have it, or the last one before it. */
export function termOn(rules: TermRules, start: IsoDate, date: IsoDate): TermPeriod | null {
  const terms = termsThrough(rules, start, date);
  return terms[terms.length - 1] ?? null;
}

/** Notice deadline: the window counted back from the term end (one month before 31 March is 28/29 February). */
export function noticeDeadline(rules: TermRules, termEnd: IsoDate): IsoDate {
  if (rules.noticeDays) return addDays(termEnd, -rules.noticeDays);
  return rules.noticeMonths ? addMonthsClamped(termEnd, -rules.noticeMonths) : termEnd;
}

export interface TermDecision {
  term: TermPeriod;
  /** true: renews unless someone objects by the notice deadline; false: the term simply ends. */
  renews: boolean;
  next: TermPeriod | null;
  noticeDeadline: IsoDate;
  noticeInWriting: boolean;
  decisionDate: IsoDate;
}

/**
 * The decision the city faces next: for the latest recorded term (or, with none recorded,
 * the term the rules put in force today), whether to let it renew or end.
 */
export function nextTermDecision(rules: TermRules, start: IsoDate | null, recorded: Pick<AgreementTerm, "termNo" | "termFrom" | "termTo">[], today: IsoDate, bufferDays = DEFAULT_DECISION_BUFFER_DAYS): TermDecision | null {
  if (!start || !hasExpiry(rules)) return null;
  const last = [...recorded].filter((t) => t.termFrom && t.termTo).sort((a, b) => b.termNo - a.termNo)[0];
  const term: TermPeriod | null = last ? { termNo: last.termNo, from: last.termFrom!, to: last.termTo! } : termOn(rules, start, today);
  if (!term) return null;
  const deadline = noticeDeadline(rules, term.to);
  const next = nextTerm(rules, term);
  return { term, renews: !!next, next, noticeDeadline: deadline, noticeInWriting: rules.noticeInWriting, decisionDate: addDays(deadline, -bufferDays) };
}

/** The terms alone, as a fresh object (an agreement carries them among its other fields). */
export function rulesOf(a: TermRules): TermRules {
  return {
    initialTermMonths: a.initialTermMonths,
    initialTermEnd: a.initialTermEnd,
    endsAtFiscalYearEnd: a.endsAtFiscalYearEnd,
    renewalMonths: a.renewalMonths,
    renewalRepeats: a.renewalRepeats,
    noticeMonths: a.noticeMonths,
    ...(a.noticeDays ? { noticeDays: a.noticeDays } : {}),
    noticeInWriting: a.noticeInWriting,
    reviewCycleYears: a.reviewCycleYears,
  };
}

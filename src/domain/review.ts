import { daysInMonth, isValidIsoDate } from "./calendar";
import type { Agreement, IsoDate } from "./types";

/**
 * The three-yearly review (3年毎の見直し). Reviews fall on the anniversaries of the
 * conclusion date every `cycle` years: concluded 2019-07-01 → 2022-07-01, 2025-07-01, …
 *
 * A conclusion on 29 February reviews on 28 February in common years and on 29 February
 * in leap years — each review is counted from the conclusion date, not from the previous
 * review, and a month without the corresponding day ends the period on its last day, as
 * the Civil Code counts periods in years (民法第143条第2項).
 */

export const DEFAULT_REVIEW_CYCLE_YEARS = 3;
export const DEFAULT_REVIEW_WINDOW_DAYS = 90;

/** `date` plus whole years; the 29th of February becomes the 28th in a common year. */
export function addYearsClamped(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number);
  const ny = y + years;
  const day = Math.min(d, daysInMonth(ny, m));
  return `${String(ny).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The n-th review date (n ≥ 1) of an agreement concluded on `concluded`. */
export function nthReviewDate(concluded: IsoDate, n: number, cycleYears = DEFAULT_REVIEW_CYCLE_YEARS): IsoDate {
  return addYearsClamped(concluded, n * cycleYears);
}

/** The first review date strictly after `after`. */
export function reviewDateAfter(concluded: IsoDate, after: IsoDate, cycleYears = DEFAULT_REVIEW_CYCLE_YEARS): IsoDate {
  let n = 1;
  while (nthReviewDate(concluded, n, cycleYears) <= after) n++;
  return nthReviewDate(concluded, n, cycleYears);
}

/**
 * The next review when an agreement is first recorded. A new conclusion reviews three
 * years on. An agreement concluded before the product existed is taken to have had its
 * earlier reviews outside it: its next review is the first anniversary on or after the
 * day it is recorded, so it does not arrive already overdue.
 */
export function initialReviewDate(concluded: IsoDate, recordedOn: IsoDate, cycleYears = DEFAULT_REVIEW_CYCLE_YEARS): IsoDate {
  const first = nthReviewDate(concluded, 1, cycleYears);
  if (first >= recordedOn) return first;
  const dayBefore = addDays(recordedOn, -1);
  return reviewDateAfter(concluded, dayBefore, cycleYears);
}

/** After a review that renews the agreement, the next one is one cycle after the review that was due. */
export function nextReviewAfterRenewal(concluded: IsoDate, dueDate: IsoDate, cycleYears = DEFAULT_REVIEW_CYCLE_YEARS): IsoDate {
  return reviewDateAfter(concluded, dueDate, cycleYears);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const t = (d: IsoDate): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86400000);
}

export type ReviewState = "overdue" | "dueSoon";

export interface ReviewCalendarEntry {
  agreement: Agreement;
  dueDate: IsoDate;
  state: ReviewState;
  /** Negative when overdue. */
  daysLeft: number;
}

/** Reviews due within the window and those overdue, soonest (most overdue) first. */
export function reviewCalendar(agreements: Agreement[], today: IsoDate, windowDays = DEFAULT_REVIEW_WINDOW_DAYS): ReviewCalendarEntry[] {
  const horizon = addDays(today, windowDays);
  return agreements
    .filter((a) => (a.status === "concluded" || a.status === "underReview") && a.nextReviewDate && isValidIsoDate(a.nextReviewDate))
    .filter((a) => a.nextReviewDate! <= horizon)
    .map((a) => ({
      agreement: a,
      dueDate: a.nextReviewDate!,
      state: (a.nextReviewDate! < today ? "overdue" : "dueSoon") as ReviewState,
      daysLeft: daysBetween(today, a.nextReviewDate!),
    }))
    .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.agreement.id - y.agreement.id));
}

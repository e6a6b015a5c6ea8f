import * as strings from "AgreementsWebPartStrings";
import { fmt } from "../../../components/format";
import { formatDateBoth } from "../../../domain/calendar";
import type { TermRules } from "../../../domain/terms";

/**
 * Terms as a person reads them: one line each for the initial term, renewal, notice and review.
 * `repeatUnclear`: the clause does not say whether the renewal repeats (an import waiting for the coordinator).
 */
export function describeTerms(r: TermRules, repeatUnclear = false): Array<[string, string]> {
  const T = strings.Terms;
  let initial: string;
  if (r.initialTermEnd) initial = fmt(T.initialEnd, formatDateBoth(r.initialTermEnd));
  else if (r.initialTermMonths && r.endsAtFiscalYearEnd) initial = fmt(T.fyEndAfter, r.initialTermMonths);
  else if (r.initialTermMonths) initial = fmt(T.initialMonths, r.initialTermMonths);
  else if (r.endsAtFiscalYearEnd) initial = T.fyEnd;
  else initial = T.noExpiry;
  const hasTerm = initial !== T.noExpiry;
  const lines: Array<[string, string]> = [[T.initial, initial]];
  if (hasTerm) {
    lines.push([T.renewal, r.renewalMonths ? fmt(repeatUnclear ? T.renewalRepeatUnclear : r.renewalRepeats ? T.renewalRepeats : T.renewalOnce, r.renewalMonths) : T.noRenewal]);
    lines.push([T.notice, `${r.noticeDays ? fmt(T.noticeDays, r.noticeDays) : r.noticeMonths ? fmt(T.noticeMonths, r.noticeMonths) : T.noticeAtEnd}${r.noticeInWriting ? T.writing : ""}`]);
  }
  lines.push([T.review, r.reviewCycleYears ? fmt(T.reviewYears, r.reviewCycleYears) : T.reviewNone]);
  return lines;
}

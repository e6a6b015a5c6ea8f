import { fiscalYearRange } from "./calendar";
import { countBy, CountRow } from "./totals";
import type { Agreement, IsoDate, LookupRef, PartnershipItem, ResultReport } from "./types";
import type { Role } from "./roles";

/** Results reports (別紙④): numbering per department and year, totals, and who may change what. */

/** The next NO for a department's rows of a year. */
export function nextResultNo(rows: Array<Pick<ResultReport, "rowNo">>): number {
  return rows.reduce((m, r) => Math.max(m, r.rowNo), 0) + 1;
}

/**
 * A department may change its rows until it submits; after that only the coordinator, and
 * a change to a published row is recorded in the audit log as a change after publication.
 */
export function canEditResult(role: Role, r: Pick<ResultReport, "status">): boolean {
  if (role === "coordinator") return true;
  return role === "member" && r.status === "draft";
}

export interface YearTotals {
  total: number;
  byPartner: CountRow[];
  byItem: CountRow[];
  byDepartment: CountRow[];
}

/** Totals of a year; items are named with their partner, since the same words recur across agreements. */
export function yearTotals(rows: ResultReport[], items: PartnershipItem[], agreements: Array<Pick<Agreement, "id" | "partner">>): YearTotals {
  const partnerOf = new Map(agreements.map((a) => [a.id, a.partner?.title ?? ""]));
  const itemName = new Map(items.map((i) => [i.id, `${i.text}（${partnerOf.get(i.agreement?.id ?? 0) ?? ""}）`]));
  return {
    total: rows.length,
    byPartner: countBy(rows, (r) => r.partner),
    byItem: countBy(rows, (r): LookupRef | null => (r.partnershipItem ? { id: r.partnershipItem.id, title: itemName.get(r.partnershipItem.id) ?? r.partnershipItem.title } : null)),
    byDepartment: countBy(rows, (r) => r.department),
  };
}

/** Initiatives per fiscal year for the given years (oldest first), zero where none. */
export function yearOverYear(rows: Array<Pick<ResultReport, "fiscalYear">>, years: number[]): Array<{ fiscalYear: number; count: number }> {
  return [...years].sort((a, b) => a - b).map((fy) => ({ fiscalYear: fy, count: rows.filter((r) => r.fiscalYear === fy).length }));
}

/** The last `n` fiscal years ending with `fy`. */
export function lastYears(fy: number, n = 5): number[] {
  return Array.from({ length: n }, (_, i) => fy - n + 1 + i);
}

/** A year can be published once it has ended, i.e. from 1 April of the next year. */
export function yearHasEnded(fy: number, today: IsoDate): boolean {
  return today > fiscalYearRange(fy).end;
}

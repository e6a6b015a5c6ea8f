import { fiscalYearRange, formatEraFiscalYear } from "./calendar";
import { countBy, CountRow } from "./totals";
import { partnerNamesText } from "./agreements";
import type { Agreement, Call, Department, Draft, IsoDate, IsoDateTime, LookupRef, PartnershipItem, ResultReport } from "./types";
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

/** Totals of a year; items are named with their partner, since the same words recur across agreements. A 該当なし adds nothing. */
export function yearTotals(all: ResultReport[], items: PartnershipItem[], agreements: Array<Pick<Agreement, "id" | "partner"> & { coPartners?: LookupRef[] }>): YearTotals {
  const rows = initiatives(all);
  const partnerOf = new Map(agreements.map((a) => [a.id, partnerNamesText(a)]));
  const itemName = new Map(items.map((i) => [i.id, `${i.text}（${partnerOf.get(i.agreement?.id ?? 0) ?? ""}）`]));
  return {
    total: rows.length,
    byPartner: countBy(rows, (r) => r.partner),
    byItem: countBy(rows, (r): LookupRef | null => (r.partnershipItem ? { id: r.partnershipItem.id, title: itemName.get(r.partnershipItem.id) ?? r.partnershipItem.title } : null)),
    byDepartment: countBy(rows, (r) => r.department),
  };
}

/** Initiatives per fiscal year for the given years (oldest first), zero where none. */
export function yearOverYear(all: Array<Pick<ResultReport, "fiscalYear"> & { status?: ResultReport["status"] }>, years: number[]): Array<{ fiscalYear: number; count: number }> {
  const rows = all.filter((r) => r.status !== "nothingToReport");
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

/*
 * 該当なし (nothing to report). A department that carried out no initiative with a partner in a
 * fiscal year hands in its Form 4 as 該当なし. It is stored as one marker row with the status
 * nothingToReport in the department's submission folder of that year — where SharePoint lets
 * the department add but never change or delete, exactly like a submitted row — so it counts
 * as reported (the call's status board, reminders, the portal's to-do list, the publication's
 * "N of M departments" warning) while adding nothing to any count: it is never an initiative,
 * never a row of the published file, of the totals or of the exports. The publication names
 * the 該当なし departments apart (PublishedRecord.nothingToReport). Once handed in, the
 * department can add no row for that year; the coordinator can withdraw it (reopen), and the
 * department then reports rows as usual. A department that has rows cannot hand in 該当なし.
 */

/** A department's 該当なし for a fiscal year. */
export interface NothingToReport {
  /** The marker row (the coordinator withdraws it by id). */
  id: number;
  etag: string;
  fiscalYear: number;
  department: LookupRef;
  /** When it was handed in: the row's last change (a department cannot change a submitted row). */
  submittedAt: IsoDateTime;
}

export const isNothingToReport = (r: Pick<ResultReport, "status">): boolean => r.status === "nothingToReport";

/** The rows that are initiatives — what totals, publications, exports and drill-downs count. */
export function initiatives<T extends Pick<ResultReport, "status">>(rows: readonly T[]): T[] {
  return rows.filter((r) => !isNothingToReport(r));
}

/**
 * The 該当なし of each department and year among current rows: one per department and year
 * (the first, should a re-sent request have written two), and none for a department that
 * has handed in initiatives for that year (its rows say more than the marker).
 */
export function nothingToReportOf(rows: readonly ResultReport[]): NothingToReport[] {
  const key = (fy: number, dept: number): string => `${fy}:${dept}`;
  const reported = new Set(rows.filter((r) => r.department && !isNothingToReport(r) && r.status !== "draft").map((r) => key(r.fiscalYear, r.department!.id)));
  const out = new Map<string, NothingToReport>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (!isNothingToReport(r) || !r.department) continue;
    const k = key(r.fiscalYear, r.department.id);
    if (reported.has(k) || out.has(k)) continue;
    out.set(k, { id: r.id, etag: r.etag, fiscalYear: r.fiscalYear, department: r.department, submittedAt: r.modified });
  }
  return [...out.values()];
}

/**
 * Whether a department may hand in 該当なし for a year, from its current rows of that year:
 * "already" (nothing more to write: a retry), or refused while it has drafts (remove them
 * first) or has already submitted rows.
 */
export type NothingToReportCheck = "ok" | "already" | "draftsExist" | "alreadySubmitted";

export function nothingToReportCheck(departmentRows: ReadonlyArray<Pick<ResultReport, "status">>): NothingToReportCheck {
  if (departmentRows.some((r) => r.status === "submitted" || r.status === "published")) return "alreadySubmitted";
  if (departmentRows.some(isNothingToReport)) return "already";
  if (departmentRows.some((r) => r.status === "draft")) return "draftsExist";
  return "ok";
}

/**
 * The marker row of a 該当なし, as SharePoint stores it (its list view and "Export to Excel"
 * show it in the city's words). It names no partner: the column is optional in the list, and
 * required of an initiative by the results service.
 */
export function nothingToReportRow(fiscalYear: number, dept: Pick<Department, "id" | "title" | "sectionName">): Draft<ResultReport> {
  return {
    title: "該当なし",
    fiscalYear,
    department: { id: dept.id, title: dept.title },
    sectionName: dept.sectionName,
    rowNo: 1,
    content: `${formatEraFiscalYear(fiscalYear)}は報告する実績がありません（該当なし）。`,
    partner: null,
    partnershipItem: null,
    matching: null,
    cityProposal: null,
    status: "nothingToReport",
    publishedAt: null,
    sourceId: null,
  };
}

export interface ReportingStatus {
  /** Departments asked for Form 4: the recipients of the year's Form 4 call, else every active department but the coordinator. */
  owed: number;
  /** Of those, how many have reported: submitted initiatives or 該当なし. */
  reported: number;
  /** Titles of those that have not. */
  missing: string[];
  /** Titles of those that reported 該当なし. */
  nothingToReport: string[];
}

/** Who has reported a year's Form 4 (for the publication's warning "N of M departments"). */
export function reportingStatus(i: { calls: Call[]; departments: Department[]; rows: ResultReport[]; nothingToReport: NothingToReport[] }): ReportingStatus {
  const call = i.calls.find((c) => c.form === "form4");
  const asked = call ? call.recipientDepartments.map((r) => r.id) : i.departments.filter((x) => x.active && !x.isCoordinator).map((x) => x.id);
  const title = (id: number): string => i.departments.find((x) => x.id === id)?.title ?? String(id);
  const withRows = new Set(initiatives(i.rows).filter((r) => r.status !== "draft").map((r) => r.department?.id));
  const nothing = new Set(i.nothingToReport.map((n) => n.department.id));
  const missing = asked.filter((id) => !withRows.has(id) && !nothing.has(id));
  return { owed: asked.length, reported: asked.length - missing.length, missing: missing.map(title), nothingToReport: asked.filter((id) => !withRows.has(id) && nothing.has(id)).map(title) };
}

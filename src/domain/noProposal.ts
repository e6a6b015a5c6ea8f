import type { Call, CityProposalRow, IsoDateTime, LookupRef } from "./types";

/**
 * 提案なし (nothing to propose) for Form 2, as 該当なし is for Form 4 (domain/results.ts). A
 * department asked for city proposals that has none hands in the year's Form 2 as 提案なし. It is
 * one marker row with the status noProposal in the department's submission folder of that year
 * (`<UnitCode>-<FY>`), where SharePoint lets the department add but never change or delete,
 * exactly like a submitted proposal; like every department row it counts only where its folder
 * says it belongs (domain/rowPlacement.ts), so a member cannot write one for another department.
 * It answers the call (the status board says 提案なし, reminders skip it, the portal's to-do is
 * done) and is never a proposal: not listed, not counted, not passed to partners, never a Form 3
 * candidate. A proposal handed in later for the same year says more than the marker, which then
 * no longer counts.
 */

/** A department's 提案なし for a fiscal year. */
export interface NoProposal {
  id: number;
  fiscalYear: number;
  department: LookupRef;
  /** When it was handed in (the row cannot be changed by the department afterwards). */
  submittedAt: IsoDateTime;
}

export const isNoProposal = (r: Pick<CityProposalRow, "status">): boolean => r.status === "noProposal";

/** The rows that are proposals (drafts and submitted), never a 提案なし marker. */
export function proposalsOnly<T extends Pick<CityProposalRow, "status">>(rows: readonly T[]): T[] {
  return rows.filter((r) => !isNoProposal(r));
}

/**
 * The 提案なし of each department and year among the rows read (rows out of place are already left
 * out by the data layer): one per department and year, and none for a department that has handed in
 * a proposal for that year.
 */
export function noProposalOf(rows: readonly CityProposalRow[]): NoProposal[] {
  const key = (fy: number, dept: number): string => `${fy}:${dept}`;
  const proposed = new Set(rows.filter((r) => r.department && r.status === "submitted").map((r) => key(r.fiscalYear, r.department!.id)));
  const out = new Map<string, NoProposal>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (!isNoProposal(r) || !r.department) continue;
    const k = key(r.fiscalYear, r.department.id);
    if (proposed.has(k) || out.has(k)) continue;
    out.set(k, { id: r.id, fiscalYear: r.fiscalYear, department: r.department, submittedAt: r.modified });
  }
  return [...out.values()];
}

export type NoProposalCheck = "ok" | "already" | "draftsExist" | "alreadySubmitted";

/**
 * Whether a department may hand in 提案なし for a year, from its rows of that year: "already" (a
 * retry: nothing to write), refused while it has drafts (submit or delete them first) or has
 * submitted a proposal (it has proposed).
 */
export function noProposalCheck(rows: readonly Pick<CityProposalRow, "status">[]): NoProposalCheck {
  if (rows.some((r) => r.status === "submitted")) return "alreadySubmitted";
  if (rows.some((r) => r.status === "draft")) return "draftsExist";
  return rows.some(isNoProposal) ? "already" : "ok";
}

/** The marker row for a department's 提案なし of the year's Form 2 call. */
export function noProposalRow(fiscalYear: number, department: LookupRef, call: Pick<Call, "id" | "title"> | null): Omit<CityProposalRow, "id" | "etag" | "modified"> {
  return {
    title: "提案なし",
    fiscalYear,
    department: { id: department.id, title: department.title },
    partner: null,
    partnershipItem: null,
    content: "",
    viewpoint: "other",
    answersProposal: null,
    status: "noProposal",
    call: call ? { id: call.id, title: call.title } : null,
    sourceId: null,
  };
}


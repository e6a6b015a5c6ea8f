import type { CityProposal, ImplementationWish, Matching, MatchingIssue, PartnerProposal } from "./types";

/**
 * Form 3 (別紙③) as a list with Microsoft Lists' column filters (see listView.ts): the rows of the
 * list being compiled and of the issued editions, filtered by 回 (edition), 対象部署, 企業等,
 * 連携事項 (of the proposals the row was made from) and 実施希望 (whether a department wishes to
 * carry the row out). Values are ids and codes; the screen shows them by their labels.
 */

/** The columns a view of Form 3 filters by. */
export const FORM3_FILTERS = ["edition", "dept", "partner", "item", "wish"];
/** The list being compiled's table columns (what a view can hide and sort by). */
export const FORM3_TABLE_COLUMNS = ["no", "title", "content", "contact", "depts"];
/** Every key a stored view of Form 3 may name. */
export const FORM3_VIEW_KEYS = [...FORM3_TABLE_COLUMNS, ...FORM3_FILTERS.filter((k) => !FORM3_TABLE_COLUMNS.includes(k))];

/** The value of a row sent to every department in the 対象部署 filter (shown as 全部署). */
export const ALL_DEPARTMENTS = "all";

export interface MatchingListSource {
  partnerProposals: ReadonlyArray<Pick<PartnerProposal, "id" | "partnershipItem">>;
  cityProposals: ReadonlyArray<Pick<CityProposal, "id" | "partnershipItem">>;
  wishes: ReadonlyArray<Pick<ImplementationWish, "matching">>;
}

/** A row's values in each filtered column ("" where it has none, shown as （空白）). */
export function matchingValues(year: MatchingListSource): (m: Matching, key: string) => string[] {
  const ppItem = new Map(year.partnerProposals.map((p) => [p.id, p.partnershipItem?.id]));
  const cpItem = new Map(year.cityProposals.map((p) => [p.id, p.partnershipItem?.id]));
  const wished = new Set(year.wishes.map((w) => w.matching?.id).filter((id): id is number => id !== undefined));
  return (m, key) => {
    if (key === "edition") return [m.issue ? String(m.issue.id) : ""];
    if (key === "dept") return m.allDepartments ? [ALL_DEPARTMENTS] : m.targetDepartments.length ? m.targetDepartments.map((d) => String(d.id)) : [""];
    if (key === "partner") return [m.partner ? String(m.partner.id) : ""];
    if (key === "item") {
      const items = [m.partnerProposal ? ppItem.get(m.partnerProposal.id) : undefined, m.cityProposal ? cpItem.get(m.cityProposal.id) : undefined].filter((x): x is number => x !== undefined);
      return items.length ? [...new Set(items)].map(String) : [""];
    }
    if (key === "wish") return [wished.has(m.id) ? "yes" : "no"];
    return [];
  };
}

/**
 * The rows of Form 3 a user works with: the issued editions' rows, and the rows of the list
 * being compiled for those who compile it (the coordinator).
 */
export function listedMatchings(matchings: readonly Matching[], issues: readonly Pick<MatchingIssue, "id" | "status">[], withDraft: boolean): Matching[] {
  const shown = new Set(issues.filter((i) => i.status === "issued" || (withDraft && i.status === "draft")).map((i) => i.id));
  return matchings.filter((m) => m.issue && shown.has(m.issue.id));
}

/**
 * Whether the rows can be moved up and down (上へ・下へ): only while every row of the list
 * being compiled is shown in its own order (No.), so a move is seen where it happens.
 */
export function canReorder(filters: Record<string, string[]>, sort: { key: string; desc: boolean } | null): boolean {
  return Object.values(filters).every((v) => v.length === 0) && (sort === null || (sort.key === "no" && !sort.desc));
}

/**
 * Where a department row belongs (issue 31). SharePoint decides who may write in which folder
 * (`<UnitCode>` for a department's drafts, `<UnitCode>-<FY>` for what it hands in for a year),
 * but whoever may write a row may set every column of it: a member can write, in its own folder,
 * a row that names another department, a status it never went through or another year. A row
 * therefore counts only where its folder says it belongs; any other row is an anomaly, shown to
 * the coordinator and nowhere else.
 */

/** Why a row is not where its columns say it belongs. */
export type PlacementProblem =
  /** At the list's root or deeper than a department's folder: no department's folder holds it. */
  | "outsideFolders"
  /** It names no department the site knows. */
  | "unknownDepartment"
  /** Its folder is another department's. */
  | "otherDepartment"
  /** A draft outside the department's own folder, or a submitted row (or 該当なし) outside a year's submission folder. */
  | "wrongState"
  /** In a submission folder of another year than its own. */
  | "wrongYear"
  /** A survey answer row for an agreement, item or department the coordinator did not ask it about. */
  | "notAsked"
  /** A survey answer changed after the survey closed (the coordinator's decision): not what was decided on. */
  | "changedAfterClose"
  /** Stored as 公表済 in its year's submission folder, but no publication of the year includes it (domain/publishedRows.ts). */
  | "notPublished";

/** What a row says about itself, next to the folder it is in. */
export interface RowPlace {
  /** The UnitCode of the department the row names (null: none, or one the site does not know). */
  departmentCode: string | null;
  /** The row's status as stored (null for lists without one). */
  status: string | null;
  fiscalYear: number | null;
  /** The row's folder (SharePoint's FileDirRef, server-relative). */
  folder: string;
}

/** The folder of a row relative to its list (`KODOMO`, `KODOMO-2026`), or null when not directly in one folder of the list. */
export function folderInList(listUrl: string, fileDirRef: string): string | null {
  const root = listUrl.replace(/\/+$/, "").toLowerCase();
  const dir = fileDirRef.replace(/\/+$/, "");
  if (!dir.toLowerCase().startsWith(`${root}/`)) return null;
  const rest = dir.slice(root.length + 1);
  return rest === "" || rest.includes("/") ? null : rest;
}

/** The year of a submission folder (`<UnitCode>-<FY>`), or null for a department's own folder. */
function submissionYear(folder: string, code: string): number | null {
  const prefix = `${code.toLowerCase()}-`;
  const f = folder.toLowerCase();
  if (!f.startsWith(prefix)) return null;
  const y = f.slice(prefix.length);
  return /^\d{4}$/.test(y) ? Number(y) : null;
}

/**
 * Whether a row is where it belongs: in lists without submissions (implementation wishes, survey
 * answers) every row is in its department's folder; in lists with them (city proposals, results)
 * a draft is in `<UnitCode>` and a handed-in row (submitted, published, 該当なし) in `<UnitCode>-<FY>` of its own year.
 */
export function placementProblem(listUrl: string, row: RowPlace, submissions: boolean): PlacementProblem | null {
  const folder = folderInList(listUrl, row.folder);
  if (folder === null) return "outsideFolders";
  if (!row.departmentCode) return "unknownDepartment";
  const code = row.departmentCode.toLowerCase();
  const own = folder.toLowerCase() === code;
  const year = submissionYear(folder, code);
  if (!own && year === null) return "otherDepartment";
  if (!submissions) return own ? null : "wrongState";
  if (row.status === "draft") return own ? null : "wrongState";
  if (own) return "wrongState";
  return year === row.fiscalYear ? null : "wrongYear";
}

/** A survey answer row as the coordinator made it: for an agreement, a department and an item. */
export interface SurveyAsk {
  agreementId: number | null;
  departmentId: number | null;
  itemId: number | null;
}

/** The coordinator's record of a survey (which row asks which department about which item): a setting by this key. */
export const surveyRecordKey = (agreementId: number): string => `survey:${agreementId}`;

/** The answers as they stood when the survey closed (the coordinator concluded or declined): row id → digest. */
export interface SurveyClosed {
  at: string;
  digests: ReadonlyMap<number, string>;
}

/**
 * The record as stored: `[rowId, departmentId, itemId]` for each row the coordinator made and,
 * once the survey has closed, `closed` with each answer's digest then.
 */
export function surveyRecordText(agreementId: number, rows: ReadonlyArray<{ id: number; departmentId: number | null; itemId: number | null }>, closed?: SurveyClosed | null): string {
  const out: { agreementId: number; rows: unknown[]; closed?: { at: string; digests: Array<[number, string]> } } = { agreementId, rows: [...rows].sort((a, b) => a.id - b.id).map((r) => [r.id, r.departmentId, r.itemId]) };
  if (closed) out.closed = { at: closed.at, digests: [...closed.digests].sort((a, b) => a[0] - b[0]) };
  return JSON.stringify(out);
}

/** A stored record read back (null: not one). */
export function parseSurveyRecord(text: string): { agreementId: number; rows: Map<number, SurveyAsk>; closed: SurveyClosed | null } | null {
  try {
    const v = JSON.parse(text) as { agreementId?: unknown; rows?: unknown; closed?: { at?: unknown; digests?: unknown } };
    if (typeof v.agreementId !== "number" || !Array.isArray(v.rows)) return null;
    const rows = new Map<number, SurveyAsk>();
    for (const r of v.rows as unknown[]) {
      if (!Array.isArray(r) || typeof r[0] !== "number") continue;
      const num = (x: unknown): number | null => (typeof x === "number" ? x : null);
      rows.set(r[0], { agreementId: v.agreementId, departmentId: num(r[1]), itemId: num(r[2]) });
    }
    let closed: SurveyClosed | null = null;
    if (v.closed && typeof v.closed.at === "string" && Array.isArray(v.closed.digests)) {
      const digests = new Map<number, string>();
      for (const d of v.closed.digests as unknown[]) if (Array.isArray(d) && typeof d[0] === "number" && typeof d[1] === "string") digests.set(d[0], d[1]);
      closed = { at: v.closed.at, digests };
    }
    return { agreementId: v.agreementId, rows, closed };
  } catch {
    return null;
  }
}

/**
 * Whether a survey answer row still asks what the coordinator asked: its item belongs to its
 * agreement, and where the coordinator recorded the row (or the survey of its agreement), the
 * row is in the record with the same agreement, department and item. A row of a survey launched
 * before records were kept is checked by its folder and item only.
 */
export function surveyProblem(
  row: { id: number; digest?: string } & SurveyAsk,
  agreementOfItem: ReadonlyMap<number, number | null>,
  recorded: { rows: ReadonlyMap<number, SurveyAsk>; agreements: ReadonlySet<number>; closedDigests?: ReadonlyMap<number, string> } | null,
): PlacementProblem | null {
  if (row.itemId !== null && agreementOfItem.get(row.itemId) !== row.agreementId) return "notAsked";
  if (!recorded) return null;
  const a = recorded.rows.get(row.id);
  if (!a) return row.agreementId !== null && recorded.agreements.has(row.agreementId) ? "notAsked" : null;
  if (a.agreementId !== row.agreementId || a.departmentId !== row.departmentId || a.itemId !== row.itemId) return "notAsked";
  // Once the survey has closed, an answer counts only as it stood then (the department can still edit its rows in SharePoint).
  const then = recorded.closedDigests?.get(row.id);
  return then !== undefined && row.digest !== undefined && then !== row.digest ? "changedAfterClose" : null;
}

/** A row the product does not count, as the coordinator is shown it. */
export interface RowAnomaly {
  /** The list's key (cityProposals, resultReports, implementationWishes, surveyResponses). */
  list: string;
  id: number;
  title: string;
  /** The department the row names. */
  department: { id: number; title: string } | null;
  /** Who wrote it (SharePoint's Author). */
  author: { id: number; title: string } | null;
  /** Who changed it last (SharePoint's Editor): for a survey answer, whose rows the coordinator made, the one who rewrote it. */
  editor?: { id: number; title: string } | null;
  /** Its folder, as SharePoint reports it. */
  folder: string;
  problem: PlacementProblem;
}

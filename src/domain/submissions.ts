import type { CityProposal, CityProposalRow, LookupRef, ProposalAnswer, ResultReport } from "./types";

/**
 * Rows a department submits (Form 2, Form 4). A draft lives in the department's folder;
 * submitting copies it into the year's submission folder (which the department may only add
 * to) and then deletes the draft. A copy remembers its draft (`sourceId`), so a submission cut
 * short between the two steps, or a copy written twice by a re-sent request, still shows each
 * row once.
 */
interface Submittable {
  id: number;
  status: string;
  sourceId: number | null;
  department?: { id: number } | null;
}

/** A copy names its draft within its own department only: another department's row never stands for it. */
const sourceKey = (r: Submittable, id: number): string => `${r.department?.id ?? 0}:${id}`;

/**
 * The rows as the department and the coordinator see them: a draft that already has a
 * submitted copy is left out (its deletion did not happen yet), and of several copies of one
 * draft only the first (lowest id) counts.
 */
export function currentRows<T extends Submittable>(rows: readonly T[]): T[] {
  const copies = new Map<string, number>();
  for (const r of rows) {
    if (r.status === "draft" || !r.sourceId) continue;
    const key = sourceKey(r, r.sourceId);
    const first = copies.get(key);
    if (first === undefined || r.id < first) copies.set(key, r.id);
  }
  return rows.filter((r) => {
    if (r.status === "draft") return !copies.has(sourceKey(r, r.id));
    if (!r.sourceId) return true;
    return copies.get(sourceKey(r, r.sourceId)) === r.id;
  });
}

/** Drafts already copied into the submission folder, whose deletion is still owed. */
export function leftoverDrafts<T extends Submittable>(rows: readonly T[]): T[] {
  const copied = new Set(rows.filter((r) => r.status !== "draft" && r.sourceId).map((r) => sourceKey(r, r.sourceId!)));
  return rows.filter((r) => r.status === "draft" && copied.has(sourceKey(r, r.id)));
}

/** City proposals with the partner's answer the coordinator recorded (未回答 when none). */
export function withAnswers(rows: readonly CityProposalRow[], answers: readonly ProposalAnswer[]): CityProposal[] {
  const byProposal = new Map(answers.map((a) => [a.proposalId, a]));
  return currentRows(rows).map((r) => {
    const a = byProposal.get(r.id);
    return { ...r, partnerAnswer: a?.answer ?? "pending", answerComment: a?.comment ?? "", answerDate: a?.answerDate ?? null, answerRow: a ? { id: a.id, etag: a.etag } : null };
  });
}

/** The stored part of a city proposal (what its own list holds). */
export function proposalRow(p: Partial<CityProposal>): Partial<CityProposalRow> {
  const row: Partial<CityProposal> = { ...p };
  delete row.partnerAnswer;
  delete row.answerComment;
  delete row.answerDate;
  delete row.answerRow;
  return row;
}

/** What the city published for a year: the rows frozen in the publication's file. */
export interface PublishedRecord {
  fiscalYear: number;
  edition: number;
  publishedAt: string;
  /** The initiatives, as published. Never a 該当なし marker. */
  rows: ResultReport[];
  /** Departments that reported 該当なし (nothing to report) for the year; empty in files published before there was 該当なし. */
  nothingToReport: LookupRef[];
}

const isRef = (x: unknown): x is LookupRef => !!x && typeof (x as LookupRef).id === "number" && typeof (x as LookupRef).title === "string";

/** Parses a publication's JSON file; refuses a file that is not one (never guesses). */
export function parsePublishedRecord(text: string): PublishedRecord | null {
  try {
    const v = JSON.parse(text) as Partial<PublishedRecord>;
    if (typeof v.fiscalYear !== "number" || typeof v.edition !== "number" || !Array.isArray(v.rows)) return null;
    const rows = v.rows.filter((r) => r?.status !== "nothingToReport");
    const nothingToReport = Array.isArray(v.nothingToReport) ? v.nothingToReport.filter(isRef).map((d) => ({ id: d.id, title: d.title })) : [];
    return { fiscalYear: v.fiscalYear, edition: v.edition, publishedAt: String(v.publishedAt ?? ""), rows: rows.map((r) => ({ ...r, status: "published" as const, publishedAt: String(v.publishedAt ?? "") })), nothingToReport };
  } catch {
    return null;
  }
}

import type { CityProposal, LookupRef, Matching, PartnerProposal } from "./types";

/**
 * Matching (別紙③): suggested pairs between partner proposals (Form 1) and city proposals
 * the partner said it can do or wants to discuss (Form 2 with 可 / 要協議), and the
 * numbering of the feedback list.
 *
 * Japanese has no spaces between words, so similarity is measured on character bigrams
 * of the normalised text (NFKC folds full-width and half-width forms, katakana is folded to
 * hiragana, punctuation and spaces are dropped) with the Dice coefficient.
 */

export function normalizeForMatching(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

export function bigrams(s: string): Map<string, number> {
  const t = normalizeForMatching(s);
  const m = new Map<string, number>();
  const chars = Array.from(t); // by code point: 𠮷 is one character
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two texts' bigram multisets, 0…1; 0 when either is empty. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let sizeX = 0;
  let sizeY = 0;
  let both = 0;
  x.forEach((n) => (sizeX += n));
  y.forEach((n) => (sizeY += n));
  if (sizeX === 0 || sizeY === 0) return 0;
  x.forEach((n, g) => (both += Math.min(n, y.get(g) ?? 0)));
  return (2 * both) / (sizeX + sizeY);
}

export type MatchReason = "samePartnerAndItem" | "samePartner" | "similarText";

export interface Suggestion {
  partnerProposal: PartnerProposal;
  cityProposal: CityProposal;
  /** 0…100: same partner and item first, then by text similarity. */
  score: number;
  reasons: MatchReason[];
  similarity: number;
}

/** City proposals a partner has said yes to or wants to discuss. */
export function answeredYes(cps: CityProposal[]): CityProposal[] {
  return cps.filter((p) => p.status === "submitted" && (p.partnerAnswer === "can" || p.partnerAnswer === "discuss"));
}

/**
 * Suggested pairs, best first. Only the same partner can pair (a department works with
 * the partner that proposed or answered); within it, the same partnership item ranks
 * first, then the similarity of title and content. Pairs already decided are left out.
 */
export function suggestMatches(pps: PartnerProposal[], cps: CityProposal[], decided: Set<string> = new Set(), minSimilarity = 0.08): Suggestion[] {
  const out: Suggestion[] = [];
  for (const pp of pps) {
    for (const cp of answeredYes(cps)) {
      if (!pp.partner || pp.partner.id !== cp.partner?.id) continue;
      if (decided.has(pairKey(pp.id, cp.id))) continue;
      const sameItem = !!pp.partnershipItem && pp.partnershipItem.id === cp.partnershipItem?.id;
      const sim = Math.max(similarity(pp.title, cp.title), similarity(`${pp.title}${pp.content}`, `${cp.title}${cp.content}`));
      const answersIt = cp.answersProposal?.id === pp.id;
      if (!sameItem && !answersIt && sim < minSimilarity) continue;
      const reasons: MatchReason[] = sameItem ? ["samePartnerAndItem"] : ["samePartner"];
      if (sim >= minSimilarity) reasons.push("similarText");
      const score = Math.round(Math.min(100, (sameItem || answersIt ? 60 : 20) + 40 * sim));
      out.push({ partnerProposal: pp, cityProposal: cp, score, reasons, similarity: Math.round(sim * 100) / 100 });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.partnerProposal.id - b.partnerProposal.id || a.cityProposal.id - b.cityProposal.id);
}

export const pairKey = (partnerProposalId: number, cityProposalId: number): string => `${partnerProposalId}:${cityProposalId}`;

/** NO 1…n in the given order: the changes needed so the rows are numbered without gaps. */
export function renumber<T extends Pick<Matching, "id" | "rowNo">>(rows: T[]): Array<{ id: number; rowNo: number }> {
  return rows.flatMap((r, i) => (r.rowNo === i + 1 ? [] : [{ id: r.id, rowNo: i + 1 }]));
}

/** Moves one row up or down by one place; returns the new order. */
export function move<T extends { id: number }>(rows: T[], id: number, delta: -1 | 1): T[] {
  const i = rows.findIndex((r) => r.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= rows.length) return rows;
  const next = [...rows];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** Which rows of an edition concern a department: rows for all departments, or naming it. */
export function rowsFor<T extends Pick<Matching, "allDepartments" | "targetDepartments">>(rows: T[], departmentId: number): T[] {
  return rows.filter((r) => r.allDepartments || r.targetDepartments.some((d) => d.id === departmentId));
}

/** The departments an edition concerns (each once), from its rows. */
export function concernedDepartments(rows: Array<Pick<Matching, "allDepartments" | "targetDepartments">>, all: LookupRef[]): LookupRef[] {
  if (rows.some((r) => r.allDepartments)) return all;
  const m = new Map<number, LookupRef>();
  for (const r of rows) for (const d of r.targetDepartments) m.set(d.id, d);
  return all.filter((d) => m.has(d.id));
}

/**
 * The partner's answer to the city proposal a feedback row came from, with its comment
 * (「可：講師を派遣できます」), or "" when the row has no proposal or it is not answered yet.
 * One reading for the portal's column and the Teams message.
 */
export function rowAnswerText(cityProposals: CityProposal[], labels: Record<Exclude<CityProposal["partnerAnswer"], "pending">, string>): (m: Matching) => string {
  const byId = new Map(cityProposals.map((p) => [p.id, p]));
  return (m) => {
    const p = m.cityProposal ? byId.get(m.cityProposal.id) : undefined;
    return p && p.partnerAnswer !== "pending" ? [labels[p.partnerAnswer], p.answerComment].filter(Boolean).join("：") : "";
  };
}

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

/**
 * Every candidate for a Form 3 row (別紙③ feeds back the partner proposals and the partners'
 * answers to city proposals): the suggested pairs, each answered city proposal (可 / 要協議) as
 * a row of its own, and each partner proposal without a city counterpart as a row of its own.
 */
export type Candidate =
  | ({ kind: "pair"; key: string } & Suggestion)
  | { kind: "cityProposal"; key: string; cityProposal: CityProposal }
  | { kind: "partnerProposal"; key: string; partnerProposal: PartnerProposal };

/** The key a single-proposal candidate is rejected by (a pair keeps `pairKey`). */
export const cityProposalKey = (id: number): string => `cp:${id}`;
export const partnerProposalKey = (id: number): string => `pp:${id}`;

/**
 * Candidates, best first: pairs (by score), then answered city proposals, then partner proposals.
 * A proposal already in a row of any edition this year is not offered alone again; a partner
 * proposal is offered alone only when no pair is offered for it (after a pair is rejected, it is).
 * A pair is left out once that same pair is in a row, or rejected.
 * `rejected` holds pair keys and single keys.
 */
export function matchingCandidates(
  pps: PartnerProposal[],
  cps: CityProposal[],
  rows: Array<Pick<Matching, "partnerProposal" | "cityProposal">>,
  rejected: Set<string> = new Set(),
): Candidate[] {
  const decided = new Set([...rejected, ...rows.filter((m) => m.partnerProposal && m.cityProposal).map((m) => pairKey(m.partnerProposal!.id, m.cityProposal!.id))]);
  const usedPp = new Set(rows.flatMap((m) => (m.partnerProposal ? [m.partnerProposal.id] : [])));
  const usedCp = new Set(rows.flatMap((m) => (m.cityProposal ? [m.cityProposal.id] : [])));
  // A pair is new information (which city proposal meets which partner proposal) even when both were
  // fed back alone in an earlier edition: it is offered until that pair is in a row or rejected.
  const pairs = suggestMatches(pps, cps, decided);
  const paired = new Set(pairs.map((s) => s.partnerProposal.id));
  const byNo = (a: { id: number }, b: { id: number }): number => a.id - b.id;
  return [
    ...pairs.map((s): Candidate => ({ kind: "pair", key: pairKey(s.partnerProposal.id, s.cityProposal.id), ...s })),
    ...answeredYes(cps)
      .filter((c) => !usedCp.has(c.id) && !rejected.has(cityProposalKey(c.id)))
      .sort(byNo)
      .map((c): Candidate => ({ kind: "cityProposal", key: cityProposalKey(c.id), cityProposal: c })),
    ...pps
      .filter((p) => !usedPp.has(p.id) && !paired.has(p.id) && !rejected.has(partnerProposalKey(p.id)))
      .sort(byNo)
      .map((p): Candidate => ({ kind: "partnerProposal", key: partnerProposalKey(p.id), partnerProposal: p })),
  ];
}

/** Where a row goes: every department, or the departments named. */
export interface RowTargets {
  allDepartments: boolean;
  targetDepartments: LookupRef[];
}

/**
 * The departments a row made from these proposals goes to by default: the city proposal's
 * department when there is one; otherwise null — nobody is guessed, the coordinator chooses
 * (a partner proposal alone concerns whichever departments the coordinator sends it to).
 */
export function defaultTargets(cp: Pick<CityProposal, "department"> | null | undefined): RowTargets | null {
  return cp?.department ? { allDepartments: false, targetDepartments: [cp.department] } : null;
}

/** A row's targets are valid when it goes to every department or names at least one. */
export const targetsChosen = (t: RowTargets | null): t is RowTargets => !!t && (t.allDepartments || t.targetDepartments.length > 0);

/** The row a candidate becomes: title, content and partner from its proposals; departments as `defaultTargets` (null: to be chosen). */
export function candidateRow(c: Candidate): { title: string; content: string; partner: LookupRef | null; partnerProposal: LookupRef | null; cityProposal: LookupRef | null; targets: RowTargets | null } {
  const pp = c.kind === "cityProposal" ? null : c.partnerProposal;
  const cp = c.kind === "partnerProposal" ? null : c.cityProposal;
  return {
    title: pp?.title || cp?.title || "",
    content: [pp?.content, cp ? (pp ? `${cp.title}: ${cp.content}` : cp.content) : ""].filter(Boolean).join("\n"),
    partner: pp?.partner ?? cp?.partner ?? null,
    partnerProposal: pp ? { id: pp.id, title: pp.title } : null,
    cityProposal: cp ? { id: cp.id, title: cp.title } : null,
    targets: defaultTargets(cp),
  };
}

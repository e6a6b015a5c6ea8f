import { DateParseProblem, parseDateCell } from "./japaneseDates";
import { partnerNameKey } from "./partners";
import { initialReviewDate } from "./review";
import type { SiteRules } from "./siteRules";
import { ClauseFinding, ClauseProblem, isBlockingClauseProblem, parseTermClause, splitItems } from "./termClause";
import { GUIDELINE_TERMS, hasExpiry, termsThrough, TermPeriod, TermRules } from "./terms";
import { cellValueText, normalizeForSearch } from "./text";
import type { Agreement, AgreementStatus, IsoDate, Partner, PartnerKind } from "./types";

/**
 * Import of a register the city already keeps (協定一覧の Excel / CSV): each row becomes a
 * plan — what will be created, and every problem by row number — before anything is
 * written. Rows already in the product are recognised (same partner, agreement name and
 * conclusion date) and skipped, so importing the same file twice creates nothing new.
 */

export type RegisterColumn = "partner" | "kana" | "title" | "concluded" | "items" | "terms";

const HEADINGS: Array<[RegisterColumn, RegExp]> = [
  ["kana", /ふりがな|フリガナ|よみ|ヨミ|カナ/],
  ["concluded", /締結日|締結年月日|協定日|締結の日|締結/],
  ["title", /協定名|協定の名称|件名|名称/],
  ["partner", /相手|締結先|協定先|連携先|企業|団体|大学|事業者|法人/],
  ["items", /連携事項|連携内容|協定内容|内容|事項/],
  ["terms", /期間|期限|更新/],
];

/** Which column holds what, from the heading row; the first matching heading wins. */
export function detectColumns(headings: unknown[]): Partial<Record<RegisterColumn, number>> {
  const map: Partial<Record<RegisterColumn, number>> = {};
  headings.forEach((h, i) => {
    const text = String(h ?? "").normalize("NFKC").replace(/\s+/g, "");
    if (!text) return;
    const hit = HEADINGS.find(([col, re]) => map[col] === undefined && re.test(text));
    if (hit) map[hit[0]] = i;
  });
  return map;
}

export type RowProblem =
  | { field: "partner" | "title"; code: "required" }
  | { field: "concluded"; code: DateParseProblem }
  | { field: "terms"; code: ClauseProblem | "defaultTerms" }
  | { field: "items"; code: "noItems" }
  | { field: "partner" | "title" | "items" | "terms"; code: "tooLong"; other: number }
  | { field: "title"; code: "generated" }
  | { field: "row"; code: "duplicateInFile"; other: number };

export interface ImportPlanRow {
  rowNo: number;
  partnerName: string;
  kana: string;
  /** The partner already in the product, or null when a new one will be created. */
  partnerId: number | null;
  partnerKind: PartnerKind;
  title: string;
  concludedDate: IsoDate | null;
  items: string[];
  clause: string;
  rules: TermRules;
  found: ClauseFinding[];
  /** The terms from conclusion to the one in force today (empty when the agreement has no expiry). */
  terms: TermPeriod[];
  status: Extract<AgreementStatus, "concluded" | "terminated">;
  nextReviewDate: IsoDate | null;
  importKey: string;
  /** Problems that stop the row. */
  errors: RowProblem[];
  /** Shown, but the row can be imported. */
  warnings: RowProblem[];
  /** The coordinator looked at the terms in the preview and set them. */
  termsConfirmed: boolean;
  /** The agreement already in the product this row describes; the row is skipped. */
  duplicateOfId: number | null;
}

export function guessPartnerKind(name: string): PartnerKind {
  const n = name.normalize("NFKC");
  if (/大学|学園|高等専門学校|短期大学/.test(n)) return "university";
  if (/銀行|信用金庫|信金|信用組合|労働金庫|証券|保険/.test(n)) return "financialInstitution";
  if (/協会|協議会|会議所|組合|社団法人|財団法人|連合会|NPO|特定非営利/.test(n)) return "association";
  return "company";
}

export function agreementKey(partnerName: string, title: string, concluded: IsoDate | null): string {
  return `${partnerNameKey(partnerName)}|${normalizeForSearch(title).replace(/[\s・･]/g, "")}|${concluded ?? ""}`;
}


/** The lengths the lists hold (see listSchema): a longer value is refused in the preview, not cut. */
export const IMPORT_LIMITS = { partner: 255, title: 255, item: 255, clause: 4000 } as const;

/** What the terms make of an agreement concluded on `concluded`: its terms so far, whether it is still in force, its next review. */
function scheduleFor(rules: TermRules, concluded: IsoDate | null, today: IsoDate): Pick<ImportPlanRow, "terms" | "status" | "nextReviewDate"> {
  const terms = concluded && hasExpiry(rules) ? termsThrough(rules, concluded, today) : [];
  const last = terms[terms.length - 1];
  const status = last && last.to < today ? "terminated" : "concluded";
  const nextReviewDate = status === "concluded" && concluded && rules.reviewCycleYears ? initialReviewDate(concluded, today, rules.reviewCycleYears) : null;
  return { terms, status, nextReviewDate };
}

/** A problem from reading the clause that only the coordinator's decision on the terms settles. */
export function isTermsDecision(p: RowProblem): boolean {
  return p.field === "terms" && p.code !== "tooLong" && p.code !== "defaultTerms" && isBlockingClauseProblem(p.code);
}

/**
 * Whether the coordinator can settle the row by setting its terms in the preview: it is not
 * a duplicate, and every error it has is about reading the clause (a clause too long, a
 * missing partner or an unreadable conclusion date are fixed in the file instead).
 */
export function canConfirmTerms(row: ImportPlanRow): boolean {
  return row.duplicateOfId === null && row.errors.every(isTermsDecision);
}

/**
 * The row with the terms the coordinator confirmed or corrected in the preview: its
 * schedule recomputed, and the notes and errors about reading the clause settled (the
 * decision is what they asked for).
 */
export function withConfirmedTerms(row: ImportPlanRow, rules: TermRules, today: IsoDate): ImportPlanRow {
  return {
    ...row,
    rules,
    ...scheduleFor(rules, row.concludedDate, today),
    termsConfirmed: true,
    errors: row.errors.filter((e) => !isTermsDecision(e)),
    warnings: row.warnings.filter((w) => w.field !== "terms"),
  };
}

export interface PlanContext {
  partners: Pick<Partner, "id" | "name">[];
  agreements: Pick<Agreement, "id" | "title" | "concludedDate" | "partner" | "importKey">[];
  site: SiteRules;
  today: IsoDate;
}

export function planImport(rows: unknown[][], columns: Partial<Record<RegisterColumn, number>>, ctx: PlanContext, firstRowNo = 2): ImportPlanRow[] {
  const partnerByKey = new Map(ctx.partners.map((p) => [partnerNameKey(p.name), p.id]));
  const existing = new Map<string, number>();
  for (const a of ctx.agreements) {
    if (a.importKey && !a.importKey.startsWith("pending:")) existing.set(a.importKey, a.id);
    if (a.partner) existing.set(agreementKey(a.partner.title, a.title, a.concludedDate), a.id);
  }
  const seen = new Map<string, number>();
  const plan: ImportPlanRow[] = [];
  rows.forEach((cells, i) => {
    const rowNo = firstRowNo + i;
    const get = (c: RegisterColumn): unknown => (columns[c] === undefined ? undefined : cells[columns[c]!]);
    if (cells.every((c) => !cellValueText(c).trim())) return;
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const partnerName = cellValueText(get("partner")).trim();
    if (!partnerName) errors.push({ field: "partner", code: "required" });
    let title = cellValueText(get("title")).trim();
    if (!title && columns.title === undefined && partnerName) {
      title = `${partnerName}との包括連携に関する協定`;
      warnings.push({ field: "title", code: "generated" });
    } else if (!title) errors.push({ field: "title", code: "required" });
    const date = parseDateCell(get("concluded"));
    if (!date.ok) errors.push({ field: "concluded", code: date.problem });
    const concludedDate = date.ok ? date.date : null;
    const items = splitItems(cellValueText(get("items")));
    if (items.length === 0) warnings.push({ field: "items", code: "noItems" });
    const clause = cellValueText(get("terms")).trim();
    const len = (t: string): number => Array.from(t).length;
    if (len(partnerName) > IMPORT_LIMITS.partner) errors.push({ field: "partner", code: "tooLong", other: IMPORT_LIMITS.partner });
    if (len(title) > IMPORT_LIMITS.title) errors.push({ field: "title", code: "tooLong", other: IMPORT_LIMITS.title });
    if (items.some((t) => len(t) > IMPORT_LIMITS.item)) errors.push({ field: "items", code: "tooLong", other: IMPORT_LIMITS.item });
    if (len(clause) > IMPORT_LIMITS.clause) errors.push({ field: "terms", code: "tooLong", other: IMPORT_LIMITS.clause });

    // Whether the row names an agreement at all: duplicates are found among those alone.
    const identified = errors.length === 0;

    const reading = parseTermClause(clause);
    // What a clause leaves unsaid is not there (no term, no notice), except the city's own review cycle.
    const base: TermRules = { ...GUIDELINE_TERMS, reviewCycleYears: ctx.site.terms.reviewCycleYears };
    const usable = reading.found.some((f) => f !== "none") && !reading.problems.includes("unrecognized");
    const rules: TermRules = usable ? { ...base, ...reading.rules } : { ...ctx.site.terms };
    const clauseProblems: RowProblem[] = reading.problems.map((code) => ({ field: "terms", code }));
    if (!usable) warnings.push({ field: "terms", code: "defaultTerms" });

    const { terms, status, nextReviewDate } = scheduleFor(rules, concludedDate, ctx.today);

    const importKey = agreementKey(partnerName, title, concludedDate);
    const earlier = seen.get(importKey);
    if (earlier !== undefined && identified) errors.push({ field: "row", code: "duplicateInFile", other: earlier });
    else if (identified) seen.set(importKey, rowNo);
    const duplicateOfId = errors.length === 0 ? (existing.get(importKey) ?? null) : null;
    // A clause whose renewal (or term) cannot be read stops the row until the coordinator sets the
    // terms: imported as it reads, it would be 終了 or in force by a guess. A row skipped anyway
    // (already in the product, or twice in the file) only shows them.
    const skipped = duplicateOfId !== null || errors.some((e) => e.field === "row");
    for (const p of clauseProblems) (isTermsDecision(p) && !skipped ? errors : warnings).push(p);
    plan.push({
      rowNo,
      partnerName,
      kana: cellValueText(get("kana")).trim(),
      partnerId: partnerName ? (partnerByKey.get(partnerNameKey(partnerName)) ?? null) : null,
      partnerKind: guessPartnerKind(partnerName),
      title,
      concludedDate,
      items,
      clause,
      rules,
      found: reading.found,
      terms,
      status,
      nextReviewDate,
      importKey,
      errors,
      warnings,
      termsConfirmed: false,
      duplicateOfId,
    });
  });
  return plan;
}

export const importable = (r: ImportPlanRow): boolean => r.errors.length === 0 && r.duplicateOfId === null;

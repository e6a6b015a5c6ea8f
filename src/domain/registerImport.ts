import { partnerNamesText } from "./agreements";
import { DecisionColumns, nextDecisionColumns } from "./decisions";
import { DateParseProblem, parseDateCell } from "./japaneseDates";
import { guessPartnerKindExtended, isGroupName, proposePartnerParts, toPartnerKind } from "./partnerNames";
import { partnerNameKey } from "./partners";
import { initialReviewDate } from "./review";
import type { SiteRules } from "./siteRules";
import { ClauseFinding, ClauseProblem, isBlockingClauseProblem, parseTermClause, splitItems } from "./termClause";
import { addMonthsClamped, DEFAULT_DECISION_BUFFER_DAYS, fiscalYearEnd, GUIDELINE_TERMS, hasExpiry, termsThrough, TermPeriod, TermRules } from "./terms";
import { cellValueText, normalizeForSearch } from "./text";
import type { Agreement, AgreementOrigin, AgreementStatus, IsoDate, Partner, PartnerKind } from "./types";

/**
 * Import of a register the city already keeps (協定一覧の Excel / CSV): each row becomes a
 * plan — what will be created, and every problem by row number — before anything is
 * written. Rows already in the product are recognised (same partner, agreement name and
 * conclusion date) and skipped, so importing the same file twice creates nothing new.
 */

export type RegisterColumn = "partner" | "kana" | "title" | "concluded" | "items" | "terms" | "origin";

const HEADINGS: Array<[RegisterColumn, RegExp]> = [
  ["kana", /ふりがな|フリガナ|よみ|ヨミ|カナ/],
  // 「発意」「締結の経緯」「きっかけ」: who started the agreement, when the register says so.
  ["origin", /発意|経緯|きっかけ|発案/],
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
  | { field: "row"; code: "duplicateInFile"; other: number }
  /** The partner cell names several partners (「A大学、B大学及びC大学」): the coordinator confirms the split or keeps it whole. */
  | { field: "partner"; code: "severalPartners"; other: number }
  /** The cell names a group (「…ほか2社」): not all its bodies are named, so it is imported as one partner. */
  | { field: "partner"; code: "groupName" };

/** One partner a row will be imported with: found in the product (`id`) or to be created with `kind`. */
export interface PlanPartner {
  name: string;
  id: number | null;
  kind: PartnerKind;
  /** The place written after the name in brackets (「（東京都千代田区）」), kept as the new partner's address. */
  place?: string;
}

/** A split of the partner cell the importer proposes, and what the coordinator decided (null: not yet). */
export interface PartnerSplit {
  parts: PlanPartner[];
  decision: "split" | "whole" | null;
}

export interface ImportPlanRow {
  rowNo: number;
  partnerName: string;
  kana: string;
  /** The partner already in the product, or null when a new one will be created. */
  partnerId: number | null;
  /** Who started the agreement, as the file says; 不明 when it does not. */
  origin: AgreementOrigin;
  partnerKind: PartnerKind;
  /** When the cell names several partners: the split proposed, to be confirmed in the preview. */
  split: PartnerSplit | null;
  title: string;
  /** The conclusion date cell as the file writes it (shown beside what was read). */
  concludedText: string;
  concludedDate: IsoDate | null;
  /** The coordinator typed the conclusion date in the preview (the file's could not be read). */
  concludedEntered: boolean;
  items: string[];
  /** The term clause as the file writes it, verbatim. */
  clause: string;
  rules: TermRules;
  found: ClauseFinding[];
  /** The terms from their start to the one in force today (empty when the agreement has no expiry). */
  terms: TermPeriod[];
  /** The date the clause says the first term begins (「令和3年4月1日から」), when it differs from conclusion. */
  clauseStart: IsoDate | null;
  status: Extract<AgreementStatus, "concluded" | "terminated">;
  nextReviewDate: IsoDate | null;
  /** The next decision the imported agreement will carry (as the import writes it to 次の判断). */
  nextDecision: DecisionColumns;
  /** The site's days before a notice deadline that the city decides (for recomputing the decision). */
  decisionBufferDays: number;
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

/**
 * Who started the agreement, as a register's 発意 column writes it: 「市」「本市から」 → city,
 * 「企業」「相手方から（打診）」「大学から」 → partner; anything else (blank, 「双方」, 「不明」) → unknown.
 * A register without the column says nothing, so every agreement it holds is 不明 (issue 33, point 10e).
 */
export function originOf(cell: unknown): AgreementOrigin {
  const t = cellValueText(cell).normalize("NFKC").replace(/\s+/g, "");
  if (!t || /双方|両者|共同|不明|未詳/.test(t)) return "unknown";
  const partner = /企業|相手|打診|先方|大学|団体|事業者|法人|会社/.test(t);
  const city = /^(?:本?市|清瀬市|行政|市から|市側|各課|理事者)/.test(t) || /市から|市の発意|本市|理事者|各課/.test(t);
  if (partner && !city) return "partner";
  if (city && !partner) return "city";
  return "unknown";
}

/** The kind a partner's name suggests (学校, 自治体・公共団体, …), for the coordinator to confirm in the preview. */
export function guessPartnerKind(name: string): PartnerKind {
  return toPartnerKind(guessPartnerKindExtended(name));
}

export function agreementKey(partnerName: string, title: string, concluded: IsoDate | null): string {
  return `${partnerNameKey(partnerName)}|${normalizeForSearch(title).replace(/[\s・･]/g, "")}|${concluded ?? ""}`;
}

/**
 * The key an imported agreement keeps in 台帳の取込キー (RegisterKey, unique in SharePoint): the
 * row's key, or — when longer than the column holds — its first characters and a hash of the whole.
 */
export function registerKeyOf(importKey: string): string {
  if (importKey.length <= 240) return importKey;
  let a = 0x811c9dc5;
  let b = 5381;
  for (let i = 0; i < importKey.length; i++) {
    const c = importKey.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = (Math.imul(b, 33) + c) >>> 0;
  }
  const head = importKey.slice(0, 220).replace(/[\uD800-\uDBFF]$/, "");
  return `${head}#${a.toString(16)}${b.toString(16)}`;
}

/** The lengths the lists hold (see listSchema): a longer value is refused in the preview, not cut. */
export const IMPORT_LIMITS = { partner: 255, title: 255, item: 255, clause: 4000 } as const;

/** The terms an imported agreement records: those computed, or the first one open-ended from its start (no expiry). */
export function recordedTerms(terms: TermPeriod[], start: IsoDate | null): Array<{ termNo: number; termFrom: IsoDate; termTo: IsoDate | null }> {
  if (terms.length) return terms.map((t) => ({ termNo: t.termNo, termFrom: t.from, termTo: t.to }));
  return start ? [{ termNo: 1, termFrom: start, termTo: null }] : [];
}

/** The day the row's first term begins: the clause's own start date, else the conclusion. */
export const rowTermStart = (row: Pick<ImportPlanRow, "clauseStart" | "concludedDate">): IsoDate | null => (row.concludedDate ? (row.clauseStart ?? row.concludedDate) : null);

/** The keys by which a row of a register finds an agreement already in the product. */
function knownKeys(a: PlanContext["agreements"][number]): string[] {
  return [
    a.importKey && !a.importKey.startsWith("pending:") ? a.importKey : "",
    a.partner ? agreementKey(a.partner.title, a.title, a.concludedDate) : "",
    // An agreement with several partners, as a register writes them all in one cell.
    a.coPartners?.length ? agreementKey(partnerNamesText(a), a.title, a.concludedDate) : "",
  ].filter(Boolean);
}

/**
 * What the terms make of an agreement concluded on `concluded`: its terms so far, whether it is
 * still in force, its next review, and the next decision the import will write for it (the same
 * computation the import makes once the agreement exists).
 */
function scheduleFor(rules: TermRules, concluded: IsoDate | null, today: IsoDate, bufferDays: number, clauseStart: IsoDate | null = null): Pick<ImportPlanRow, "terms" | "status" | "nextReviewDate" | "nextDecision"> {
  // The terms run from the date the clause says they begin (「令和3年4月1日から1年間」), else from conclusion.
  const start = rowTermStart({ concludedDate: concluded, clauseStart });
  const terms = start && hasExpiry(rules) ? termsThrough(rules, start, today) : [];
  const last = terms[terms.length - 1];
  const status = last && last.to < today ? "terminated" : "concluded";
  const nextReviewDate = status === "concluded" && concluded && rules.reviewCycleYears ? initialReviewDate(concluded, today, rules.reviewCycleYears) : null;
  const recorded = recordedTerms(terms, start);
  const asImported = { ...rules, id: 0, status, concludedDate: concluded, termStart: start, nextReviewDate } as unknown as Agreement;
  const nextDecision = concluded ? nextDecisionColumns(asImported, recorded, today, bufferDays) : { nextDecisionDate: null, nextDecisionText: "" };
  return { terms, status, nextReviewDate, nextDecision };
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
  return row.duplicateOfId === null && row.errors.every((e) => isTermsDecision(e) || isSplitDecision(e));
}

/** The split of the partner cell waits for the coordinator. */
export const isSplitDecision = (p: RowProblem): boolean => p.field === "partner" && p.code === "severalPartners";

/** Whether the coordinator can decide, in the preview, how the row's partner cell is split. */
export function canDecideSplit(row: ImportPlanRow): boolean {
  return row.split !== null && row.duplicateOfId === null && row.errors.every((e) => e.field !== "row");
}

/** The partners the row is imported with: the split parts once the coordinator accepted them, else the cell as written. */
export function rowPartners(row: ImportPlanRow): PlanPartner[] {
  if (row.split?.decision === "split") return row.split.parts;
  return row.partnerName ? [{ name: row.partnerName, id: row.partnerId, kind: row.partnerKind }] : [];
}

/** The row with the coordinator's decision on its partner cell: separate partners, or one as written. */
export function withSplitDecision(row: ImportPlanRow, decision: "split" | "whole"): ImportPlanRow {
  if (!canDecideSplit(row)) return row;
  return { ...row, split: { ...row.split!, decision }, errors: row.errors.filter((e) => !isSplitDecision(e)) };
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
    ...scheduleFor(rules, row.concludedDate, today, row.decisionBufferDays, row.clauseStart),
    termsConfirmed: true,
    errors: row.errors.filter((e) => !isTermsDecision(e)),
    warnings: row.warnings.filter((w) => w.field !== "terms"),
  };
}

export interface PlanContext {
  partners: Pick<Partner, "id" | "name">[];
  agreements: Array<Pick<Agreement, "id" | "title" | "concludedDate" | "partner" | "importKey"> & { coPartners?: Agreement["coPartners"] }>;
  site: SiteRules;
  today: IsoDate;
}

export function planImport(rows: unknown[][], columns: Partial<Record<RegisterColumn, number>>, ctx: PlanContext, firstRowNo = 2): ImportPlanRow[] {
  const partnerByKey = new Map(ctx.partners.map((p) => [partnerNameKey(p.name), p.id]));
  const planPartner = (name: string): PlanPartner => ({ name, id: partnerByKey.get(partnerNameKey(name)) ?? null, kind: guessPartnerKind(name) });
  const existing = new Map<string, number>();
  for (const a of ctx.agreements) for (const k of knownKeys(a)) existing.set(k, a.id);
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
    const concludedText = cellValueText(get("concluded")).trim();
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
    // 「5年を経過した日の属する年度の末日まで」: the end of the fiscal year of the day the five years have passed.
    if (usable && reading.fiscalYearEndAfterYears && concludedDate) Object.assign(rules, { initialTermEnd: fiscalYearEnd(addMonthsClamped(reading.startDate ?? concludedDate, reading.fiscalYearEndAfterYears * 12)), initialTermMonths: null, endsAtFiscalYearEnd: false });
    const clauseProblems: RowProblem[] = reading.problems.map((code) => ({ field: "terms", code }));
    if (!usable) warnings.push({ field: "terms", code: "defaultTerms" });

    const bufferDays = ctx.site.decisionBufferDays ?? DEFAULT_DECISION_BUFFER_DAYS;
    const clauseStart = usable && reading.startDate && reading.startDate !== concludedDate ? reading.startDate : null;
    const schedule = scheduleFor(rules, concludedDate, ctx.today, bufferDays, clauseStart);

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
    // Several partners in one cell: proposed as separate partners, never split without the coordinator.
    const parts = partnerName && len(partnerName) <= IMPORT_LIMITS.partner ? proposePartnerParts(partnerName) : [];
    const split: PartnerSplit | null = parts.length > 1 ? { parts: parts.map((p) => ({ ...planPartner(p.name), ...(p.place ? { place: p.place } : {}) })), decision: null } : null;
    if (partnerName && isGroupName(partnerName)) warnings.push({ field: "partner", code: "groupName" });
    if (split && !skipped) errors.push({ field: "partner", code: "severalPartners", other: parts.length });
    const whole = planPartner(partnerName);
    plan.push({
      rowNo,
      partnerName,
      kana: cellValueText(get("kana")).trim(),
      partnerId: partnerName ? whole.id : null,
      origin: originOf(get("origin")),
      partnerKind: whole.kind,
      split,
      title,
      concludedText,
      concludedDate,
      concludedEntered: false,
      items,
      clause,
      rules,
      found: reading.found,
      clauseStart,
      ...schedule,
      decisionBufferDays: bufferDays,
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

/**
 * Whether the coordinator can settle the row by typing its conclusion date in the preview: the
 * date in the file could not be read (or was refused: a wrong weekday, 2月30日), and nothing
 * else stops the row but that and, perhaps, its terms.
 */
export function canEnterDate(row: ImportPlanRow): boolean {
  return row.duplicateOfId === null && row.errors.some((e) => e.field === "concluded") && row.errors.every((e) => e.field === "concluded" || isTermsDecision(e) || isSplitDecision(e));
}

/** A row the coordinator must decide on before it is imported: a date to type in, terms to confirm, or a split of its partners. */
export function needsDecision(row: ImportPlanRow): boolean {
  return row.errors.length > 0 && (canEnterDate(row) || canConfirmTerms(row));
}

/**
 * The row re-planned with the conclusion date the coordinator typed: its key, whether it is
 * already in the product or earlier in the file (`others`: the rest of the plan), its schedule
 * and next decision. The terms read or confirmed stay as they are.
 */
export function withConcludedDate(row: ImportPlanRow, date: IsoDate, ctx: Pick<PlanContext, "agreements" | "today">, others: ImportPlanRow[] = []): ImportPlanRow {
  const importKey = agreementKey(row.partnerName, row.title, date);
  const errors: RowProblem[] = row.errors.filter((e) => e.field !== "concluded" && e.field !== "row");
  const warnings = [...row.warnings];
  const earlier = others.find((o) => o.rowNo < row.rowNo && o.importKey === importKey && o.errors.every((e) => e.field !== "row"));
  if (earlier) errors.push({ field: "row", code: "duplicateInFile", other: earlier.rowNo });
  let duplicateOfId: number | null = null;
  if (errors.every((e) => isTermsDecision(e)) && !earlier) {
    duplicateOfId = ctx.agreements.find((a) => knownKeys(a).includes(importKey))?.id ?? null;
  }
  // As in planImport: a row skipped anyway only shows what its clause leaves to decide.
  const skipped = duplicateOfId !== null || !!earlier;
  const keep = skipped ? errors.filter((e) => !isTermsDecision(e) && !isSplitDecision(e)) : errors;
  if (skipped) warnings.push(...errors.filter(isTermsDecision));
  // Typed in, the row names an agreement: a split proposed for its partners waits for the coordinator.
  if (!skipped && row.split && row.split.decision === null && !keep.some(isSplitDecision)) keep.push({ field: "partner", code: "severalPartners", other: row.split.parts.length });
  return {
    ...row,
    concludedDate: date,
    concludedEntered: true,
    ...scheduleFor(row.rules, date, ctx.today, row.decisionBufferDays, row.clauseStart),
    importKey,
    errors: keep,
    warnings,
    duplicateOfId,
  };
}

/**
 * Every row that creates the same new partner takes the kind the coordinator chose for it (one
 * partner is created for them all), whether written alone or as a part of a split.
 */
export function withPartnerKind(plan: ImportPlanRow[], partnerName: string, kind: PartnerKind): ImportPlanRow[] {
  const key = partnerNameKey(partnerName);
  const same = (p: PlanPartner): boolean => p.id === null && partnerNameKey(p.name) === key;
  return plan.map((r) => {
    const whole = r.partnerId === null && partnerNameKey(r.partnerName) === key;
    const parts = r.split?.parts.some(same);
    if (!whole && !parts) return r;
    return {
      ...r,
      partnerKind: whole ? kind : r.partnerKind,
      split: parts ? { ...r.split!, parts: r.split!.parts.map((p) => (same(p) ? { ...p, kind } : p)) } : r.split,
    };
  });
}

/** What the import will do with a row, to be said in words in the preview. */
export type RowOutcome =
  | { kind: "concluded"; decision: DecisionColumns }
  | { kind: "terminated"; endedOn: IsoDate | null }
  | { kind: "duplicate"; agreementId: number }
  | { kind: "duplicateInFile"; rowNo: number }
  | { kind: "needsDate" }
  | { kind: "needsTerms" }
  | { kind: "needsSplit"; parts: number }
  | { kind: "blocked" };

export function rowOutcome(row: ImportPlanRow): RowOutcome {
  if (row.duplicateOfId !== null) return { kind: "duplicate", agreementId: row.duplicateOfId };
  const twice = row.errors.find((e) => e.field === "row");
  if (twice && "other" in twice) return { kind: "duplicateInFile", rowNo: twice.other };
  if (importable(row)) return row.status === "terminated" ? { kind: "terminated", endedOn: row.terms[row.terms.length - 1]?.to ?? null } : { kind: "concluded", decision: row.nextDecision };
  if (canEnterDate(row)) return { kind: "needsDate" };
  if (canConfirmTerms(row)) return row.errors.some(isTermsDecision) ? { kind: "needsTerms" } : { kind: "needsSplit", parts: row.split?.parts.length ?? 0 };
  return { kind: "blocked" };
}

import { DEFAULT_REVIEW_WINDOW_DAYS } from "./review";
import { Criterion, CriteriaProblem, DEFAULT_CRITERIA, validateCriteria } from "./screening";
import { DEFAULT_DECISION_BUFFER_DAYS, GUIDELINE_TERMS, TermProblem, TermRules, validateTerms } from "./terms";
import type { Setting } from "./types";

/**
 * The site's own rules, kept in the settings list (PartnershipSettings) one key per value
 * so they read plainly in SharePoint: default terms for new agreements, the decision
 * buffer, the calendar's window and the screening criteria. A value that cannot be read
 * falls back to the guideline's, so a hand-edited list never breaks the product.
 */

export interface SiteRules {
  terms: TermRules;
  decisionBufferDays: number;
  reviewWindowDays: number;
  criteria: Criterion[];
}

export const GUIDELINE_RULES: SiteRules = {
  terms: GUIDELINE_TERMS,
  decisionBufferDays: DEFAULT_DECISION_BUFFER_DAYS,
  reviewWindowDays: DEFAULT_REVIEW_WINDOW_DAYS,
  criteria: DEFAULT_CRITERIA,
};

export const SETTING_KEYS = [
  "initialTermMonths",
  "endsAtFiscalYearEnd",
  "renewalMonths",
  "renewalRepeats",
  "noticeMonths",
  "noticeInWriting",
  "reviewCycleYears",
  "decisionBufferDays",
  "reviewWindowDays",
  "screeningCriteria",
] as const;

const int = (v: string | undefined, min: number, max: number): number | null | undefined => {
  if (v === undefined) return undefined;
  if (v.trim() === "") return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const bool = (v: string | undefined): boolean | undefined => (v === "true" ? true : v === "false" ? false : undefined);

export function parseSiteRules(settings: Pick<Setting, "key" | "value">[]): SiteRules {
  const get = (k: string): string | undefined => settings.find((s) => s.key === k)?.value;
  const g = GUIDELINE_RULES;
  const pick = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
  let criteria = g.criteria;
  const rawCriteria = get("screeningCriteria");
  if (rawCriteria) {
    try {
      const parsed = (JSON.parse(rawCriteria) as Criterion[]).filter((c) => c && typeof c.id === "string" && typeof c.text === "string" && (c.kind === "requirement" || c.kind === "exclusion"));
      if (parsed.length && validateCriteria(parsed).length === 0) criteria = parsed;
    } catch {
      /* unreadable: the defaults stand */
    }
  }
  return {
    terms: {
      initialTermMonths: pick(int(get("initialTermMonths"), 1, 1200), g.terms.initialTermMonths),
      // An end date belongs to one agreement, never to a site default.
      initialTermEnd: null,
      endsAtFiscalYearEnd: pick(bool(get("endsAtFiscalYearEnd")), g.terms.endsAtFiscalYearEnd),
      renewalMonths: pick(int(get("renewalMonths"), 1, 1200), g.terms.renewalMonths),
      renewalRepeats: pick(bool(get("renewalRepeats")), g.terms.renewalRepeats),
      noticeMonths: pick(int(get("noticeMonths"), 0, 120), g.terms.noticeMonths),
      noticeInWriting: pick(bool(get("noticeInWriting")), g.terms.noticeInWriting),
      reviewCycleYears: pick(int(get("reviewCycleYears"), 1, 50), g.terms.reviewCycleYears),
    },
    decisionBufferDays: pick(int(get("decisionBufferDays"), 0, 365) ?? undefined, g.decisionBufferDays),
    reviewWindowDays: pick(int(get("reviewWindowDays"), 1, 730) ?? undefined, g.reviewWindowDays),
    criteria,
  };
}

export function siteRulesToSettings(r: SiteRules): Array<{ key: (typeof SETTING_KEYS)[number]; value: string }> {
  const s = (v: number | null): string => (v === null ? "" : String(v));
  return [
    { key: "initialTermMonths", value: s(r.terms.initialTermMonths) },
    { key: "endsAtFiscalYearEnd", value: String(r.terms.endsAtFiscalYearEnd) },
    { key: "renewalMonths", value: s(r.terms.renewalMonths) },
    { key: "renewalRepeats", value: String(r.terms.renewalRepeats) },
    { key: "noticeMonths", value: s(r.terms.noticeMonths) },
    { key: "noticeInWriting", value: String(r.terms.noticeInWriting) },
    { key: "reviewCycleYears", value: s(r.terms.reviewCycleYears) },
    { key: "decisionBufferDays", value: String(r.decisionBufferDays) },
    { key: "reviewWindowDays", value: String(r.reviewWindowDays) },
    { key: "screeningCriteria", value: JSON.stringify(r.criteria) },
  ];
}

export type SiteRulesProblem = { field: string; code: TermProblem | CriteriaProblem | "outOfRange" | "notInteger" };

const inRange = (n: number | null, min: number, max: number): boolean => n === null || (Number.isInteger(n) && n >= min && n <= max);

export function validateSiteRules(r: SiteRules): SiteRulesProblem[] {
  const p: SiteRulesProblem[] = [];
  if (!inRange(r.terms.initialTermMonths, 1, 1200)) p.push({ field: "initialTermMonths", code: "outOfRange" });
  if (!inRange(r.terms.renewalMonths, 1, 1200)) p.push({ field: "renewalMonths", code: "outOfRange" });
  if (!inRange(r.terms.noticeMonths, 0, 120)) p.push({ field: "noticeMonths", code: "outOfRange" });
  if (!inRange(r.terms.reviewCycleYears, 1, 50)) p.push({ field: "reviewCycleYears", code: "outOfRange" });
  if (!inRange(r.decisionBufferDays, 0, 365)) p.push({ field: "decisionBufferDays", code: "outOfRange" });
  if (!inRange(r.reviewWindowDays, 1, 730)) p.push({ field: "reviewWindowDays", code: "outOfRange" });
  for (const code of validateTerms(r.terms, null)) p.push({ field: "terms", code });
  for (const code of validateCriteria(r.criteria)) p.push({ field: "criteria", code });
  return p;
}

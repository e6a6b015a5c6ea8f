import type { IsoDate } from "./types";

/**
 * Intake screening of an approach (打診): a checklist the coordinator fills before the
 * internal briefing. Criteria live in a site setting so another city can keep its own;
 * the defaults are drawn from published municipal guidelines on comprehensive
 * partnership agreements.
 *
 * A requirement is met when answered "yes"; an exclusion is met when answered "no"
 * (it does not apply). What is unmet can be cited when the approach is declined.
 */

export type CriterionKind = "requirement" | "exclusion";

export interface Criterion {
  id: string;
  kind: CriterionKind;
  text: string;
}

export type ScreeningAnswer = "yes" | "no";

export interface Screening {
  answers: Record<string, ScreeningAnswer>;
  note: string;
  checkedOn: IsoDate | null;
  checkedBy: string;
}

export const DEFAULT_CRITERIA: Criterion[] = [
  { id: "fields", kind: "requirement", text: "複数の分野にわたる連携であり、3件以上の具体的な連携事業が見込まれる" },
  { id: "plan", kind: "requirement", text: "長期総合計画・実行計画の目標の実現に資する" },
  { id: "forum", kind: "requirement", text: "複数年にわたり継続的に協議できる体制（窓口）がある" },
  { id: "sales", kind: "exclusion", text: "直接の営業・販売促進や広告宣伝を目的としている" },
  { id: "politics", kind: "exclusion", text: "政治的・宗教的な活動を目的としている" },
  { id: "unlawful", kind: "exclusion", text: "法令に違反する、または許認可を得ていない商品・サービスを扱う" },
  { id: "benefit", kind: "exclusion", text: "特定の者に不当な利益を与えるおそれがある" },
  { id: "other", kind: "exclusion", text: "その他、協定の相手方として適当でない事情がある" },
];

export const emptyScreening = (): Screening => ({ answers: {}, note: "", checkedOn: null, checkedBy: "" });

/** Reads the stored checklist; anything unreadable is an empty one (it was never filled). */
export function parseScreening(json: string | null | undefined): Screening {
  if (!json) return emptyScreening();
  try {
    const v = JSON.parse(json) as Partial<Screening>;
    const answers: Record<string, ScreeningAnswer> = {};
    for (const [k, a] of Object.entries(v.answers ?? {})) if (a === "yes" || a === "no") answers[k] = a;
    return { answers, note: typeof v.note === "string" ? v.note : "", checkedOn: typeof v.checkedOn === "string" ? v.checkedOn : null, checkedBy: typeof v.checkedBy === "string" ? v.checkedBy : "" };
  } catch {
    return emptyScreening();
  }
}

export function isMet(c: Criterion, answer: ScreeningAnswer | undefined): boolean | null {
  if (!answer) return null;
  return c.kind === "requirement" ? answer === "yes" : answer === "no";
}

export interface ScreeningSummary {
  met: Criterion[];
  unmet: Criterion[];
  unanswered: Criterion[];
}

export function summarizeScreening(criteria: Criterion[], s: Screening): ScreeningSummary {
  const out: ScreeningSummary = { met: [], unmet: [], unanswered: [] };
  for (const c of criteria) {
    const m = isMet(c, s.answers[c.id]);
    (m === null ? out.unanswered : m ? out.met : out.unmet).push(c);
  }
  return out;
}

/** The decline reason citing unmet criteria, followed by whatever the coordinator wrote. */
export function declineReasonCiting(cited: Criterion[], written: string): string {
  const lines = cited.map((c) => `・${c.kind === "exclusion" ? `${c.text}（該当）` : `${c.text}（満たさない）`}`);
  const head = lines.length ? `次の基準により見送り:\n${lines.join("\n")}` : "";
  return [head, written.trim()].filter(Boolean).join("\n");
}

export type CriteriaProblem = "empty" | "blankText" | "duplicateText" | "tooMany";

/** Criteria as the coordinator edits them in the settings. */
export function validateCriteria(criteria: Criterion[]): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  if (criteria.length === 0) problems.push("empty");
  if (criteria.length > 40) problems.push("tooMany");
  if (criteria.some((c) => !c.text.trim())) problems.push("blankText");
  const texts = criteria.map((c) => c.text.trim()).filter(Boolean);
  if (new Set(texts).size !== texts.length) problems.push("duplicateText");
  return problems;
}

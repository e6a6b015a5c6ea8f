import { isDataError } from "../data/contracts";
import { isRuleError } from "../data/services/ServiceBase";
import { fmt } from "./format";

export type Problem = { field: string; code: string; other?: string };

/**
 * Splits a failed action into field problems (shown at the fields: the domain's rules,
 * and the data layer's schema checks such as a text over its length) and anything else
 * (shown in a bar).
 */
/** Rule codes about the whole row or form (where SharePoint locked it), shown in the bar, not at a field. */
export const SUBMISSION_CODES = ["submissionNotOpen", "submissionClosed", "submittedLocked", "publishedLocked", "deadlinePassed"] as const;

export function splitError(e: unknown): { problems: Problem[]; error: unknown } {
  if (isRuleError(e)) {
    if (e.problems.some((p) => (SUBMISSION_CODES as readonly string[]).includes(p.code))) return { problems: [], error: e };
    return { problems: e.problems, error: undefined };
  }
  if (isDataError(e) && e.kind === "validation" && e.problems.length > 0) {
    return { problems: e.problems.map((p) => ({ field: p.prop, code: p.code, other: p.limit !== undefined ? String(p.limit) : undefined })), error: undefined };
  }
  return { problems: [], error: e };
}

/** The worded message for one field, from a web part's dictionary of problem codes. */
export function problemText(dict: Record<string, string>, problems: Problem[], field: string, fallback: string): string | undefined {
  const p = problems.find((x) => x.field === field);
  if (!p) return undefined;
  return fmt(dict[p.code] ?? fallback, p.other ?? "");
}

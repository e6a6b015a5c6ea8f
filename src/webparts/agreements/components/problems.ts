import * as strings from "AgreementsWebPartStrings";
import { fmt } from "../../../components/format";
import { isRuleError } from "../../../data/services/AgreementService";
import { isDataError } from "../../../data/contracts";

export type Problem = { field: string; code: string; other?: string };

/** The message for one field, from the rule problems of the last attempt. */
export function fieldError(problems: Problem[], field: string): string | undefined {
  const p = problems.find((x) => x.field === field);
  if (!p) return undefined;
  const template = (strings.Problems as unknown as Record<string, string>)[p.code] ?? strings.Problems.notAllowed;
  return fmt(template, p.other ?? "");
}

/** Problems not tied to a field on the form (e.g. a refused state change), worded. */
export function generalErrors(problems: Problem[], formFields: string[]): string[] {
  return problems.filter((p) => !formFields.includes(p.field)).map((p) => fieldError([p], p.field) ?? p.code);
}

/**
 * Splits a failed action into field problems (shown at the fields: the domain's rules,
 * and the data layer's schema checks such as a text over its length) and anything else
 * (shown in a bar).
 */
export function splitError(e: unknown): { problems: Problem[]; error: unknown } {
  if (isRuleError(e)) return { problems: e.problems, error: undefined };
  if (isDataError(e) && e.kind === "validation" && e.problems.length > 0) {
    return { problems: e.problems.map((p) => ({ field: p.prop, code: p.code, other: p.limit !== undefined ? String(p.limit) : undefined })), error: undefined };
  }
  return { problems: [], error: e };
}

import * as strings from "AgreementsWebPartStrings";
import { Problem, problemText } from "../../../components/problems";

export type { Problem };

const dict = strings.Problems as unknown as Record<string, string>;

/** The message for one field, from the rule problems of the last attempt. */
export function fieldError(problems: Problem[], field: string): string | undefined {
  return problemText(dict, problems, field, strings.Problems.notAllowed);
}

/** Problems not tied to a field on the form (e.g. a refused state change), worded. */
export function generalErrors(problems: Problem[], formFields: string[]): string[] {
  return problems.filter((p) => !formFields.includes(p.field)).map((p) => fieldError([p], p.field) ?? p.code);
}

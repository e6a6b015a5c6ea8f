import * as common from "CommonStrings";
import { noticeProblem } from "../domain/deliveryOutcome";
import { fmt } from "./format";

/** A notice record's error in the user's words (its code and Graph's own text are never shown as such). */
export function noticeProblemText(error: string): string {
  const p = noticeProblem(error);
  if (!p) return "";
  return `${common.NoticeProblems[p.problem]}${p.status ? fmt(common.NoticeProblems.status, p.status) : ""}`;
}

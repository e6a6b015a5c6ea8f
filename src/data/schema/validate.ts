import type { FieldProblem } from "../contracts";
import type { AnyListDef, FieldDef } from "./fieldTypes";
import { isValidIsoDate } from "../../domain/calendar";

/**
 * Schema-level checks shared by forms (as the user types) and repositories (before any
 * request): required, length, number range, choice, date. Returns codes, not text.
 */
export function validateAgainstSchema(def: AnyListDef, draft: Record<string, unknown>, mode: "add" | "update"): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [prop, f] of Object.entries(def.fields)) {
    const present = Object.prototype.hasOwnProperty.call(draft, prop);
    if (!present && mode === "update") continue;
    const p = checkField(prop, f, draft[prop]);
    if (p) problems.push(p);
  }
  return problems;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

function checkField(prop: string, f: FieldDef, v: unknown): FieldProblem | null {
  if (isEmpty(v)) return f.required ? { prop, code: "required" } : null;
  switch (f.kind) {
    case "text":
    case "note":
      if (typeof v !== "string") return { prop, code: "required" };
      // Counted in UTF-16 code units, as SharePoint counts them.
      return v.length > f.maxLength ? { prop, code: "tooLong", limit: f.maxLength } : null;
    case "number": {
      if (typeof v !== "number" || !isFinite(v)) return { prop, code: "notANumber" };
      if (f.decimals === 0 && !Number.isInteger(v)) return { prop, code: "notInteger" };
      if (f.min !== undefined && v < f.min) return { prop, code: "outOfRange", limit: f.min };
      if (f.max !== undefined && v > f.max) return { prop, code: "outOfRange", limit: f.max };
      return null;
    }
    case "choice":
      return typeof v === "string" && Object.prototype.hasOwnProperty.call(f.choices, v) ? null : { prop, code: "invalidChoice" };
    case "date":
      return typeof v === "string" && isValidIsoDate(v) ? null : { prop, code: "invalidDate" };
    case "dateTime":
      return typeof v === "string" && !isNaN(Date.parse(v)) ? null : { prop, code: "invalidDate" };
    default:
      return null;
  }
}

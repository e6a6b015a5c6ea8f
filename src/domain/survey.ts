import type { Agreement, Department, IsoDate, PartnershipItem, SurveyResponse } from "./types";

/** The internal survey (庁内調査): who has answered, who has not, and what each item drew. */

export interface ItemSummary {
  item: PartnershipItem;
  answered: number;
  feasible: number;
  ideas: { department: string; text: string }[];
}

export interface SurveyStatusRow {
  departmentId: number;
  department: string;
  state: "answered" | "notYet" | "late";
  answeredAt: string | null;
}

export interface SurveySummary {
  departments: SurveyStatusRow[];
  items: ItemSummary[];
  answeredCount: number;
  total: number;
}

export function summarizeSurvey(
  responses: SurveyResponse[],
  items: PartnershipItem[],
  departments: Department[],
  deadline: IsoDate | null,
  today: IsoDate,
): SurveySummary {
  const byDept = new Map<number, SurveyResponse[]>();
  for (const r of responses) {
    if (!r.department) continue;
    byDept.set(r.department.id, [...(byDept.get(r.department.id) ?? []), r]);
  }
  const deptName = (id: number): string => departments.find((d) => d.id === id)?.title ?? byDept.get(id)?.[0]?.department?.title ?? String(id);
  const rows: SurveyStatusRow[] = [...byDept.entries()]
    .map(([id, rs]) => {
      const done = rs.every((r) => r.status === "answered");
      const at = done ? rs.map((r) => r.answeredAt ?? "").sort().reverse()[0] || null : null;
      const state: SurveyStatusRow["state"] = done ? "answered" : deadline && today > deadline ? "late" : "notYet";
      return { departmentId: id, department: deptName(id), state, answeredAt: at };
    })
    .sort((a, b) => order(a.state) - order(b.state) || a.department.localeCompare(b.department, "ja"));
  const itemSummaries = [...items]
    .sort((a, b) => a.itemNo - b.itemNo)
    .map((item) => {
      const rs = responses.filter((r) => r.partnershipItem?.id === item.id && r.status === "answered");
      return {
        item,
        answered: rs.length,
        feasible: rs.filter((r) => r.feasible).length,
        ideas: rs.filter((r) => r.projectIdeas.trim() || r.comment.trim()).map((r) => ({ department: deptName(r.department?.id ?? 0), text: [r.projectIdeas, r.comment].filter((x) => x.trim()).join(" / ") })),
      };
    });
  return { departments: rows, items: itemSummaries, answeredCount: rows.filter((r) => r.state === "answered").length, total: rows.length };
}

function order(s: SurveyStatusRow["state"]): number {
  return s === "late" ? 0 : s === "notYet" ? 1 : 2;
}

/** The survey rows still to create: one per department and item, never twice. */
export function missingSurveyRows(existing: SurveyResponse[], departmentIds: number[], itemIds: number[]): Array<{ departmentId: number; itemId: number }> {
  const have = new Set(existing.map((r) => `${r.department?.id}:${r.partnershipItem?.id}`));
  const out: Array<{ departmentId: number; itemId: number }> = [];
  for (const d of departmentIds) for (const i of itemIds) if (!have.has(`${d}:${i}`)) out.push({ departmentId: d, itemId: i });
  return out;
}

/**
 * A survey is open while its agreement is 庁内調査中: departments may answer, and revise what they
 * answered, until the coordinator decides (締結 or 見送り) and the survey closes. The deadline
 * only makes an answer late (督促); it does not close the survey.
 */
export function surveyOpen(agreement: Pick<Agreement, "status">): boolean {
  return agreement.status === "surveying";
}

/** One item's answer as a department gives it: 可能性あり／なし chosen explicitly (null: not chosen yet). */
export interface SurveyAnswer {
  feasible: boolean | null;
  projectIdeas: string;
  comment: string;
}

/** The rows whose 可能性あり／なし is not chosen: an unanswered choice never counts as なし. */
export function unchosenSurveyRows(rowIds: readonly number[], answers: ReadonlyMap<number, Pick<SurveyAnswer, "feasible">>): number[] {
  return rowIds.filter((id) => typeof answers.get(id)?.feasible !== "boolean");
}

/** The answer a form starts from: a row not yet answered has no choice, an answered one its own. */
export function startingAnswer(row: Pick<SurveyResponse, "status" | "feasible" | "projectIdeas" | "comment">): SurveyAnswer {
  return { feasible: row.status === "answered" ? row.feasible : null, projectIdeas: row.projectIdeas, comment: row.comment };
}

import type { Department, IsoDate, PartnershipItem, SurveyResponse } from "./types";

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

import { formatEraDate, formatEraDateAndTime, tokyoDate } from "../domain/calendar";
import type { Agreement, Department, IsoDate, PartnershipItem, SurveyResponse } from "../domain/types";
import { FormTable, FormSection, safeFileName } from "./formTable";
import { partnerNamesText } from "../domain/agreements";

/**
 * The internal survey's summary (庁内調査の回答一覧) for the decision to conclude: per
 * partnership item, every department surveyed (調査対象部署) with its answer — whether a
 * joint project is possible, its ideas and its comment — and those that have not answered
 * shown as 未回答 (期限超過 once the deadline has passed). A department asked about other items
 * but not this one (an item added after the survey went out) reads 調査対象外.
 */

export const SURVEY_COLUMNS = ["調査対象部署", "回答状況", "連携事業の可能性", "具体的な事業案", "意見", "回答日"];
const WIDTHS = [24, 12, 14, 48, 36, 16];

export interface SurveyExportInput {
  agreement: Pick<Agreement, "title" | "partner" | "briefingDate" | "briefingTime" | "briefingPlace" | "surveyDeadline">;
  items: PartnershipItem[];
  responses: SurveyResponse[];
  departments: Department[];
  today: IsoDate;
}

export const surveyTitle = "包括連携協定 庁内調査 回答一覧";

export const surveyFileName = (input: Pick<SurveyExportInput, "agreement" | "today">): string => safeFileName(`庁内調査_${partnerNamesText(input.agreement) || input.agreement.title}_${input.today}`);

export function surveyTable(input: SurveyExportInput): FormTable {
  const { agreement: a, responses, today } = input;
  const late = !!a.surveyDeadline && today > a.surveyDeadline;
  // Every department asked, in the city's order (sortOrder), then by name.
  const known = new Map(input.departments.map((d) => [d.id, d]));
  const asked = new Map<number, string>();
  for (const r of responses) if (r.department) asked.set(r.department.id, known.get(r.department.id)?.title ?? r.department.title);
  const order = [...asked.entries()].sort(([x, xt], [y, yt]) => (known.get(x)?.sortOrder ?? 1e9) - (known.get(y)?.sortOrder ?? 1e9) || xt.localeCompare(yt, "ja"));
  const answeredDepts = order.filter(([id]) => {
    const mine = responses.filter((r) => r.department?.id === id);
    return mine.length > 0 && mine.every((r) => r.status === "answered");
  }).length;

  const sections: FormSection[] = [...input.items]
    .sort((x, y) => x.itemNo - y.itemNo)
    .map((item) => {
      const rs = responses.filter((r) => r.partnershipItem?.id === item.id);
      const answered = rs.filter((r) => r.status === "answered");
      const rows = order.map(([id, name]) => {
        const r = rs.find((x) => x.department?.id === id);
        if (!r) return [name, "調査対象外", "", "", "", ""];
        if (r.status !== "answered") return [name, late ? "未回答（期限超過）" : "未回答", "", "", "", ""];
        return [name, "回答済", r.feasible ? "可能性あり" : "可能性なし", r.projectIdeas.trim(), r.comment.trim(), r.answeredAt ? formatEraDate(tokyoDate(r.answeredAt)) : ""];
      });
      return {
        heading: `第${item.itemNo}号 ${item.text}`,
        note: `回答 ${answered.length} / ${rs.length} 部署・可能性あり ${answered.filter((r) => r.feasible).length}`,
        rows,
      };
    });

  const briefing = [a.briefingDate ? formatEraDateAndTime(a.briefingDate, a.briefingTime) : "", a.briefingPlace].filter(Boolean).join("　");
  return {
    sheet: "庁内調査",
    formLabel: "",
    title: surveyTitle,
    lines: [
      `協定名: ${a.title}`,
      `企業等: ${partnerNamesText(a)}`,
      ...(briefing ? [`庁内説明会: ${briefing}`] : []),
      `回答期限: ${a.surveyDeadline ? formatEraDate(a.surveyDeadline) : "—"}`,
      `回答状況: ${order.length} 部署中 ${answeredDepts} 部署が回答済（${formatEraDate(today)}現在）`,
    ],
    header: SURVEY_COLUMNS,
    widths: WIDTHS,
    sections,
    sectionColumn: { title: "連携事項", width: 30 },
  };
}

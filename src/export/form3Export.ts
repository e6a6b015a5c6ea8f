import { formatEraDate, formatEraFiscalYear } from "../domain/calendar";
import { rowAnswerText } from "../domain/matching";
import type { CityProposal, ImplementationWish, IsoDate, Matching, MatchingIssue } from "../domain/types";
import { FormTable, safeFileName } from "./formTable";

/**
 * Form 3 (別紙③ 提案のマッチング・結果のフィードバック【未来創造課→各課】) as the
 * coordinator files and circulates an edition: the guideline's columns in its order (NO,
 * 提案の件名, 提案内容, 企業等の連絡先, with the partner's name beside its contact), then
 * what the product adds to each row: the partner's answer to the city's proposal, the
 * departments the row was sent to, and the departments that wish to carry it out.
 */

export const FORM3_LABEL = "別紙③";
export const FORM3_HEADING = "提案のマッチング・結果のフィードバック【未来創造課→各課】";
export const FORM3_COLUMNS = ["NO", "提案の件名", "提案内容", "企業等名", "企業等の連絡先", "企業等の回答・コメント", "対象部署", "実施希望部署"];
const WIDTHS = [6, 26, 56, 18, 26, 26, 20, 26];
const ANSWER = { can: "可", cannot: "否", discuss: "要協議" } as const;

export interface Form3Input {
  fiscalYear: number;
  issue: Pick<MatchingIssue, "editionNo" | "status" | "issuedDate">;
  /** The edition's rows (any order: numbered by NO). */
  rows: Matching[];
  cityProposals: CityProposal[];
  wishes: ImplementationWish[];
  /** The coordinator's division as it signs the list (「企画部 未来創造課」), or "". */
  issuer: string;
  /** For a list not yet issued: the day it is printed as of. */
  today: IsoDate;
}

/** 「令和8年度 包括連携協定 フィードバック一覧（別紙③）」 */
export const form3Title = (fiscalYear: number): string => `${formatEraFiscalYear(fiscalYear)} 包括連携協定 フィードバック一覧（${FORM3_LABEL}）`;

/** 「別紙③_フィードバック一覧_2026年度_第2回」 (without extension); a list being compiled is marked 作成中. */
export const form3FileName = (input: Pick<Form3Input, "fiscalYear" | "issue">): string =>
  safeFileName(`${FORM3_LABEL}_フィードバック一覧_${input.fiscalYear}年度_第${input.issue.editionNo}回${input.issue.status === "issued" ? "" : "_作成中"}`);

export function form3Table(input: Form3Input): FormTable {
  const answerOf = rowAnswerText(input.cityProposals, ANSWER);
  const rows = [...input.rows].sort((a, b) => a.rowNo - b.rowNo);
  const issued = input.issue.status === "issued" && !!input.issue.issuedDate;
  const when = issued ? `発行日 ${formatEraDate(input.issue.issuedDate!)}` : `作成中・未発行（${formatEraDate(input.today)}現在）`;
  return {
    sheet: FORM3_LABEL,
    formLabel: FORM3_LABEL,
    title: form3Title(input.fiscalYear),
    lines: [FORM3_HEADING, `第${input.issue.editionNo}回\u3000${when}\u3000全 ${rows.length} 件`, ...(input.issuer ? [`発行: ${input.issuer}`] : [])],
    header: FORM3_COLUMNS,
    widths: WIDTHS,
    sections: [
      {
        heading: "",
        rows: rows.map((m) => [
          m.rowNo,
          m.title,
          m.content,
          m.partner?.title ?? "",
          [m.contactName, m.contactEmail, m.contactPhone].filter(Boolean).join("\n"),
          answerOf(m),
          m.allDepartments ? "全部署" : m.targetDepartments.map((d) => d.title).join("\n"),
          input.wishes
            .filter((w) => w.matching?.id === m.id)
            .map((w) => [`${w.department?.title ?? ""}（担当: ${w.contactPerson}）`, w.comment].filter(Boolean).join("：")) // one line each
            .join("\n"),
        ]),
      },
    ],
  };
}

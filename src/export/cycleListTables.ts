import type { CityProposal, PartnerAnswer, PartnerProposal, ProposalTiming, ProposalViewpoint } from "../domain/types";
import { dateCell, type TableCell } from "./tableWorkbook";

/**
 * The yearly lists of Forms 1 and 2 as shown (after the user's column filters, search and sort),
 * as a table to export: the same columns for CSV and Excel. In Excel a date is an Excel date
 * (sortable, filterable), in CSV its ISO text; 連携事項 is written out as text (「第1号 …」),
 * never a number or an id.
 */

export type ListExportKind = "excel" | "csv";

export interface ListTable {
  header: string[];
  data: TableCell[][];
}

/** 別紙① as a list: the columns the CSV has always had. */
export const FORM1_LIST_HEADER = ["年度", "企業名", "該当する連携事項", "提案の件名", "提案内容", "提案時期", "受付日"];
/** 別紙② as a list, with the partners' answers. */
export const FORM2_LIST_HEADER = ["年度", "部課名", "連携相手企業", "該当する連携事項", "提案の件名", "提案内容", "視点", "連携の可否", "コメント", "回答日"];

const date = (d: string | null | undefined, kind: ListExportKind): TableCell => (kind === "excel" ? dateCell(d) : (d ?? ""));

export interface Form1ListLabels {
  /** A proposal's partnership item written out (「第1号 子育て支援に関すること」), or "". */
  item: (p: PartnerProposal) => string;
  timing: Record<ProposalTiming, string>;
}

export function form1ListTable(rows: readonly PartnerProposal[], kind: ListExportKind, labels: Form1ListLabels): ListTable {
  return {
    header: FORM1_LIST_HEADER,
    data: rows.map((p) => [p.fiscalYear, p.partner?.title ?? "", labels.item(p), p.title, p.content, labels.timing[p.timing] ?? "", date(p.receivedDate, kind)]),
  };
}

export interface Form2ListLabels {
  item: (p: CityProposal) => string;
  viewpoint: Record<ProposalViewpoint, string>;
  /** The answers' labels (未回答 is written as an empty cell). */
  answer: Record<PartnerAnswer, string>;
}

export function form2ListTable(rows: readonly CityProposal[], kind: ListExportKind, labels: Form2ListLabels): ListTable {
  return {
    header: FORM2_LIST_HEADER,
    data: rows.map((p) => [
      p.fiscalYear,
      p.department?.title ?? "",
      p.partner?.title ?? "",
      labels.item(p),
      p.title,
      p.content,
      labels.viewpoint[p.viewpoint] ?? "",
      p.partnerAnswer === "pending" ? "" : labels.answer[p.partnerAnswer],
      p.answerComment,
      date(p.answerDate, kind),
    ]),
  };
}

/** A table's rows as CSV fields (no Date cell reaches a CSV: its dates are ISO text). */
export const csvRows = (data: TableCell[][]): Array<Array<string | number>> => data.map((r) => r.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString().slice(0, 10) : c)));

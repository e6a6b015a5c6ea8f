import { formatDateBoth } from "../domain/calendar";
import type { Agreement, AgreementStatus, PartnershipItem } from "../domain/types";
import { dateCell, type TableCell } from "./tableWorkbook";

/** The register's export (協定台帳): the columns' headings and the statuses' labels, from the UI's strings. */
export interface RegisterTableLabels {
  header: {
    title: string;
    partner: string;
    status: string;
    concluded: string;
    termEnd: string;
    nextDecision: string;
    decisionWhat: string;
    nextReview: string;
    items: string;
  };
  status: Record<AgreementStatus, string>;
}

export interface RegisterTableRow {
  agreement: Agreement;
  /** Every partner of the agreement by its current name (連名 included). */
  partnersText: string;
  /** The agreement's partnership items (any order: written in their numbers' order). */
  items: PartnershipItem[];
}

/**
 * The register as shown, as a table to export: in Excel dates are Excel dates (sortable,
 * filterable), in CSV ISO dates, on the printable page 和暦 beside 西暦; 連携事項 are written
 * out, one item a line, not counted.
 */
export function registerTable(rows: readonly RegisterTableRow[], kind: "excel" | "csv" | "print", labels: RegisterTableLabels): { header: string[]; data: TableCell[][] } {
  const h = labels.header;
  const header = [h.title, h.partner, h.status, h.concluded, h.termEnd, h.nextDecision, h.decisionWhat, h.nextReview, h.items];
  const date = (d: string | null): TableCell => (kind === "excel" ? dateCell(d) : kind === "print" ? formatDateBoth(d) : (d ?? ""));
  const data = rows.map(({ agreement: a, partnersText, items }) => [
    a.title,
    partnersText,
    labels.status[a.status],
    date(a.concludedDate),
    date(a.termEnd),
    date(a.nextDecisionDate),
    a.nextDecisionText,
    date(a.nextReviewDate),
    [...items]
      .sort((x, y) => x.itemNo - y.itemNo)
      .map((i) => i.text)
      .join("\n"),
  ]);
  return { header, data };
}

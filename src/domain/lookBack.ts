import { fiscalYearOf } from "./calendar";
import type { IsoDate, PartnershipItem, ResultReport } from "./types";

/**
 * The look-back of a three-yearly review (3年間の成果の振り返り): the partner's results of
 * the complete fiscal years before the review, per year and per partnership item.
 */
export interface LookBack {
  fiscalYears: number[];
  perYear: number[];
  perItem: Array<{ item: PartnershipItem; perYear: number[]; total: number }>;
  /** Results not tied to an item of this agreement. */
  otherPerYear: number[];
  total: number;
}

/** `partnerIds`: the agreement's partners (several for one signed 連名): the results of each count. */
export function lookBackSummary(results: ResultReport[], items: PartnershipItem[], partnerIds: number | number[], dueDate: IsoDate, years = 3): LookBack {
  const last = fiscalYearOf(dueDate) - 1;
  const fiscalYears = Array.from({ length: years }, (_, i) => last - years + 1 + i);
  const ids = new Set(Array.isArray(partnerIds) ? partnerIds : [partnerIds]);
  const mine = results.filter((r) => !!r.partner && ids.has(r.partner.id) && fiscalYears.includes(r.fiscalYear) && r.status !== "draft");
  const itemIds = new Set(items.map((i) => i.id));
  const count = (pred: (r: ResultReport) => boolean): number[] => fiscalYears.map((fy) => mine.filter((r) => r.fiscalYear === fy && pred(r)).length);
  const perItem = [...items]
    .sort((a, b) => a.itemNo - b.itemNo)
    .map((item) => {
      const perYear = count((r) => r.partnershipItem?.id === item.id);
      return { item, perYear, total: perYear.reduce((a, b) => a + b, 0) };
    });
  return {
    fiscalYears,
    perYear: count(() => true),
    perItem,
    otherPerYear: count((r) => !r.partnershipItem || !itemIds.has(r.partnershipItem.id)),
    total: mine.length,
  };
}

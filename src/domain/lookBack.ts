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

/**
 * `partnerIds`: the agreement's partners (several for one signed 連名): the results of each count.
 * `termStart`: the day the agreement's term began; fiscal years before the one it began in are not
 * the agreement's and are not counted (a review three years after a conclusion in October looks
 * back on the year of conclusion and the two after it, never on the year before).
 */
export function lookBackSummary(results: ResultReport[], items: PartnershipItem[], partnerIds: number | number[], dueDate: IsoDate, years = 3, termStart: IsoDate | null = null): LookBack {
  const last = fiscalYearOf(dueDate) - 1;
  const first = termStart ? fiscalYearOf(termStart) : -Infinity;
  const fiscalYears = Array.from({ length: years }, (_, i) => last - years + 1 + i).filter((fy) => fy >= first);
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

import { canEditResult, lastYears, nextResultNo, yearHasEnded, yearOverYear, yearTotals } from "../../src/domain/results";
import type { PartnershipItem, ResultReport } from "../../src/domain/types";

test("numbering per department and year", () => {
  expect(nextResultNo([])).toBe(1);
  expect(nextResultNo([{ rowNo: 1 }, { rowNo: 3 }])).toBe(4);
});

test("who may change a row", () => {
  expect(canEditResult("member", { status: "draft" })).toBe(true);
  expect(canEditResult("member", { status: "submitted" })).toBe(false);
  expect(canEditResult("coordinator", { status: "published" })).toBe(true);
  expect(canEditResult("visitor", { status: "draft" })).toBe(false);
});

test("totals by partner, item (named with its partner) and department; five years", () => {
  const r = (fy: number, p: number, d: number, item: number | null): ResultReport =>
    ({ fiscalYear: fy, partner: { id: p, title: `P${p}` }, department: { id: d, title: `D${d}` }, partnershipItem: item ? { id: item, title: "" } : null }) as ResultReport;
  const rows = [r(2025, 1, 10, 100), r(2025, 1, 11, 100), r(2025, 2, 10, 200), r(2025, 2, 10, null)];
  const items = [{ id: 100, text: "防災に関すること", agreement: { id: 1, title: "" } }, { id: 200, text: "防災に関すること", agreement: { id: 2, title: "" } }] as PartnershipItem[];
  const t = yearTotals(rows, items, [{ id: 1, partner: { id: 1, title: "甲社" } }, { id: 2, partner: { id: 2, title: "乙社" } }]);
  expect(t.total).toBe(4);
  expect(t.byPartner.map((x) => [x.label, x.count])).toEqual([["P1", 2], ["P2", 2]]);
  expect(t.byItem.map((x) => [x.label, x.count])).toEqual([["防災に関すること（甲社）", 2], ["防災に関すること（乙社）", 1]]);
  expect(t.byDepartment.map((x) => [x.label, x.count])).toEqual([["D10", 3], ["D11", 1]]);
  expect(lastYears(2025)).toEqual([2021, 2022, 2023, 2024, 2025]);
  expect(yearOverYear([...rows, r(2023, 1, 10, null)], lastYears(2025))).toEqual([
    { fiscalYear: 2021, count: 0 },
    { fiscalYear: 2022, count: 0 },
    { fiscalYear: 2023, count: 1 },
    { fiscalYear: 2024, count: 0 },
    { fiscalYear: 2025, count: 4 },
  ]);
});

test("a year ends on 31 March", () => {
  expect(yearHasEnded(2025, "2026-03-31")).toBe(false);
  expect(yearHasEnded(2025, "2026-04-01")).toBe(true);
});

import { applyColumnFilters, columnFilterOptions } from "../../src/domain/listView";
import { ALL_DEPARTMENTS, canReorder, FORM3_FILTERS, FORM3_VIEW_KEYS, listedMatchings, matchingValues } from "../../src/domain/matchingListView";
import type { Matching } from "../../src/domain/types";

/** Form 3 (別紙③) with the column filters of Forms 1 and 2 (issue 33, point 11). */

const row = (id: number, over: Partial<Matching>): Matching => ({ id, etag: "", modified: "", title: `行${id}`, fiscalYear: 2026, issue: { id: 1, title: "" }, rowNo: id, content: "", partner: { id: 30, title: "株式会社さくら食品" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [], contactName: "", contactEmail: "", contactPhone: "", ...over });

const year = {
  partnerProposals: [{ id: 100, partnershipItem: { id: 501, title: "食育に関すること" } }],
  cityProposals: [
    { id: 200, partnershipItem: { id: 502, title: "防災に関すること" } },
    { id: 201, partnershipItem: { id: 501, title: "食育に関すること" } },
  ],
  wishes: [{ matching: { id: 2, title: "" } }, { matching: null }],
};
const rows = [
  // A partner proposal alone, sent to every department.
  row(1, { partnerProposal: { id: 100, title: "" }, allDepartments: true }),
  // A pair whose proposals fall under two items, sent to two departments, wished for.
  row(2, { partnerProposal: { id: 100, title: "" }, cityProposal: { id: 200, title: "" }, targetDepartments: [{ id: 7, title: "子ども家庭部 子育て支援課" }, { id: 8, title: "総務部 防災防犯課" }], partner: { id: 31, title: "学校法人みどり学園" } }),
  // A city proposal in the list being compiled, partner unknown (a row written by hand).
  row(3, { issue: { id: 2, title: "" }, rowNo: 1, cityProposal: { id: 201, title: "" }, targetDepartments: [{ id: 8, title: "総務部 防災防犯課" }], partner: null }),
];
const valuesOf = matchingValues(year);

test("a row's values: its edition, each department it goes to (全部署 a value of its own), its partner, the items of its proposals, whether a wish was made", () => {
  expect(FORM3_FILTERS.map((k) => valuesOf(rows[0], k))).toEqual([["1"], [ALL_DEPARTMENTS], ["30"], ["501"], ["no"]]);
  expect(FORM3_FILTERS.map((k) => valuesOf(rows[1], k))).toEqual([["1"], ["7", "8"], ["31"], ["501", "502"], ["yes"]]);
  expect(FORM3_FILTERS.map((k) => valuesOf(rows[2], k))).toEqual([["2"], ["8"], [""], ["501"], ["no"]]);
  // A row with no proposal behind it and no department: empty values (（空白）), not nothing.
  expect(valuesOf(row(4, { partner: null }), "item")).toEqual([""]);
  expect(valuesOf(row(4, {}), "dept")).toEqual([""]);
});

test("filters narrow the rows as on Forms 1 and 2: 防災防犯課 finds both rows sent to it, not the 全部署 row; options are counted", () => {
  expect(applyColumnFilters(rows, { dept: ["8"] }, valuesOf).map((m) => m.id)).toEqual([2, 3]);
  expect(applyColumnFilters(rows, { dept: ["8", ALL_DEPARTMENTS] }, valuesOf).map((m) => m.id)).toEqual([1, 2, 3]);
  expect(applyColumnFilters(rows, { item: ["501"], wish: ["no"] }, valuesOf).map((m) => m.id)).toEqual([1, 3]);
  expect(applyColumnFilters(rows, { edition: ["2"] }, valuesOf).map((m) => m.id)).toEqual([3]);
  expect(columnFilterOptions(rows, "wish", { edition: ["1"] }, valuesOf)).toEqual([
    { value: "no", count: 1 },
    { value: "yes", count: 1 },
  ]);
});

test("the rows listed: issued editions' for everyone, the list being compiled's for the coordinator only", () => {
  const issues = [
    { id: 1, status: "issued" as const },
    { id: 2, status: "draft" as const },
  ];
  expect(listedMatchings(rows, issues, true).map((m) => m.id)).toEqual([1, 2, 3]);
  expect(listedMatchings(rows, issues, false).map((m) => m.id)).toEqual([1, 2]);
  expect(listedMatchings([...rows, row(9, { issue: null })], issues, true).map((m) => m.id)).toEqual([1, 2, 3]);
});

test("rows move up and down only while the list is unfiltered and in No. order", () => {
  expect(canReorder({}, null)).toBe(true);
  expect(canReorder({ dept: [] }, { key: "no", desc: false })).toBe(true);
  expect(canReorder({ dept: ["8"] }, null)).toBe(false);
  expect(canReorder({}, { key: "no", desc: true })).toBe(false);
  expect(canReorder({}, { key: "title", desc: false })).toBe(false);
});

test("a stored view may name the table's columns and the filters' keys", () => {
  expect(FORM3_VIEW_KEYS).toEqual(["no", "title", "content", "contact", "depts", "edition", "dept", "partner", "item", "wish"]);
});

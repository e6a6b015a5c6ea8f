import { canEditResult, initiatives, lastYears, nextResultNo, nothingToReportCheck, nothingToReportOf, nothingToReportRow, reportingStatus, yearHasEnded, yearOverYear, yearTotals } from "../../src/domain/results";
import type { Call, Department, PartnershipItem, ResultReport } from "../../src/domain/types";

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

describe("該当なし (nothing to report)", () => {
  const dept = (id: number) => ({ id, title: `D${id}` });
  const row = (id: number, d: number, status: ResultReport["status"], fy = 2026): ResultReport =>
    ({ id, etag: `"${id}"`, modified: "2027-04-10T01:00:00Z", fiscalYear: fy, department: dept(d), partner: status === "nothingToReport" ? null : { id: 1, title: "甲社" }, partnershipItem: null, status, rowNo: 1, sourceId: null }) as unknown as ResultReport;

  test("adds zero rows to the totals and the five years", () => {
    const rows = [row(1, 10, "submitted"), row(2, 11, "nothingToReport"), row(3, 12, "published")];
    const t = yearTotals(rows, [], []);
    expect(t.total).toBe(2);
    expect(t.byDepartment.map((x) => x.label)).toEqual(["D10", "D12"]);
    expect(t.byPartner).toEqual([{ key: 1, label: "甲社", count: 2 }]);
    expect(yearOverYear(rows, [2026])).toEqual([{ fiscalYear: 2026, count: 2 }]);
    expect(initiatives(rows).map((r) => r.id)).toEqual([1, 3]);
  });

  test("one per department and year (a marker written twice counts once); none where the department handed in rows", () => {
    const rows = [row(7, 11, "nothingToReport"), row(5, 11, "nothingToReport"), row(8, 12, "nothingToReport"), row(9, 12, "submitted"), row(10, 13, "nothingToReport", 2025), row(11, 14, "draft")];
    expect(nothingToReportOf(rows).map((n) => [n.department.id, n.fiscalYear, n.id])).toEqual([
      [11, 2026, 5],
      [13, 2025, 10],
    ]);
    expect(nothingToReportOf(rows)[0]).toMatchObject({ etag: '"5"', submittedAt: "2027-04-10T01:00:00Z" });
  });

  test("may be handed in only with no rows; a second time writes nothing", () => {
    expect(nothingToReportCheck([])).toBe("ok");
    expect(nothingToReportCheck([row(1, 10, "draft")])).toBe("draftsExist");
    expect(nothingToReportCheck([row(1, 10, "submitted")])).toBe("alreadySubmitted");
    expect(nothingToReportCheck([row(1, 10, "published")])).toBe("alreadySubmitted");
    expect(nothingToReportCheck([row(1, 10, "nothingToReport")])).toBe("already");
    expect(nothingToReportCheck([row(1, 10, "nothingToReport"), row(2, 10, "submitted")])).toBe("alreadySubmitted");
  });

  test("the marker row names the department and the year in the city's words, and no partner", () => {
    expect(nothingToReportRow(2026, { id: 10, title: "子ども家庭部 子育て支援課", sectionName: "子育て支援係" })).toMatchObject({
      title: "該当なし",
      fiscalYear: 2026,
      department: { id: 10, title: "子ども家庭部 子育て支援課" },
      sectionName: "子育て支援係",
      content: "令和8年度は報告する実績がありません（該当なし）。",
      partner: null,
      status: "nothingToReport",
      sourceId: null,
    });
  });

  test("counts as reported in the publication's N of M; listed apart", () => {
    const departments = [10, 11, 12, 13].map((id) => ({ ...dept(id), active: true, isCoordinator: false })) as unknown as Department[];
    const calls = [{ form: "form4", recipientDepartments: [dept(10), dept(11), dept(12)] }] as unknown as Call[];
    const rows = [row(1, 10, "submitted"), row(2, 12, "draft")];
    const nothing = nothingToReportOf([row(3, 11, "nothingToReport")]);
    expect(reportingStatus({ calls, departments, rows, nothingToReport: nothing })).toEqual({ owed: 3, reported: 2, missing: ["D12"], nothingToReport: ["D11"] });
    // Without a Form 4 call: every active department but the coordinator is asked.
    expect(reportingStatus({ calls: [], departments, rows, nothingToReport: nothing })).toMatchObject({ owed: 4, reported: 2, missing: ["D12", "D13"] });
  });
});

import { addYearsClamped, initialReviewDate, nextReviewAfterRenewal, nthReviewDate, reviewCalendar, reviewDateAfter, addDays, daysBetween } from "../../src/domain/review";
import { canEditItems, looksLikePdf, nextStatuses, transitionRefusal, validateConclusion, validateDecline, validateItems, validateStart, validateSurveyLaunch } from "../../src/domain/agreementLifecycle";
import { missingSurveyRows, summarizeSurvey } from "../../src/domain/survey";
import { findDuplicatePartner, partnerNameKey, validatePartner } from "../../src/domain/partners";
import type { Agreement, Department, Partner, PartnershipItem, SurveyResponse } from "../../src/domain/types";

describe("review dates every three years", () => {
  test("anniversaries of the conclusion date", () => {
    expect(nthReviewDate("2019-07-01", 1)).toBe("2022-07-01");
    expect(nthReviewDate("2019-07-01", 2)).toBe("2025-07-01");
  });
  test("29 February reviews on 28 February in common years and 29 February in leap years (民法143条)", () => {
    expect(nthReviewDate("2020-02-29", 1)).toBe("2023-02-28");
    expect(nthReviewDate("2020-02-29", 2)).toBe("2026-02-28");
    expect(nthReviewDate("2020-02-29", 4)).toBe("2032-02-29");
    expect(addYearsClamped("2024-02-29", 1)).toBe("2025-02-28");
  });
  test("a renewal moves the next review one cycle on from the review that was due", () => {
    expect(nextReviewAfterRenewal("2019-07-01", "2022-07-01")).toBe("2025-07-01");
    expect(nextReviewAfterRenewal("2020-02-29", "2026-02-28")).toBe("2029-02-28");
  });
  test("an agreement concluded before the product existed does not arrive overdue", () => {
    expect(initialReviewDate("2015-03-30", "2026-11-24")).toBe("2027-03-30");
    expect(initialReviewDate("2016-04-01", "2025-04-01")).toBe("2025-04-01");
    expect(initialReviewDate("2026-11-01", "2026-11-24")).toBe("2029-11-01");
  });
  test("other cycles", () => {
    expect(reviewDateAfter("2020-04-01", "2025-04-01", 5)).toBe("2030-04-01");
  });
  test("day arithmetic across a fiscal year end and a leap day", () => {
    expect(addDays("2027-03-31", 1)).toBe("2027-04-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-24", "2027-02-22")).toBe(90);
  });
});

describe("the review calendar", () => {
  const a = (id: number, status: Agreement["status"], next: string | null): Agreement => ({ id, status, nextReviewDate: next }) as Agreement;
  test("due within 90 days and overdue, most urgent first; other states ignored", () => {
    const cal = reviewCalendar(
      [a(1, "concluded", "2027-02-22"), a(2, "concluded", "2027-02-23"), a(3, "concluded", "2026-10-01"), a(4, "declined", "2026-12-01"), a(5, "underReview", "2026-11-24"), a(6, "concluded", null)],
      "2026-11-24",
    );
    expect(cal.map((e) => [e.agreement.id, e.state, e.daysLeft])).toEqual([
      [3, "overdue", -54],
      [5, "dueSoon", 0],
      [1, "dueSoon", 90],
    ]);
  });
});

describe("the agreement's states", () => {
  test("allowed moves", () => {
    expect(nextStatuses("approached")).toEqual(["surveying", "declined"]);
    expect(transitionRefusal("preparing", "concluded")).toBeNull();
    expect(transitionRefusal("surveying", "concluded")).toBeNull();
    expect(transitionRefusal("concluded", "underReview")).toBeNull();
  });
  test("illegal moves are refused with a reason", () => {
    expect(transitionRefusal("approached", "concluded")).toBe("surveyFirst");
    expect(transitionRefusal("declined", "concluded")).toBe("finalState");
    expect(transitionRefusal("terminated", "underReview")).toBe("finalState");
    expect(transitionRefusal("concluded", "surveying")).toBe("notAllowed");
  });
  test("items are editable until conclusion", () => {
    expect(canEditItems("surveying")).toBe(true);
    expect(canEditItems("concluded")).toBe(false);
  });
});

describe("validation", () => {
  test("starting: a city-initiated agreement names who asked; an approach needs date and content", () => {
    const base = { title: "協定", partnerId: 1, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: null, proposedContent: "" };
    expect(validateStart({ ...base, origin: "city" })).toEqual([{ field: "requestedBy", code: "requesterRequired" }]);
    expect(validateStart({ ...base, origin: "city", requestedByExecutives: true })).toEqual([]);
    expect(validateStart({ ...base, origin: "partner", approachDate: "2026-02-30" })).toEqual([
      { field: "approachDate", code: "invalidDate" },
      { field: "proposedContent", code: "required" },
    ]);
    expect(validateStart({ ...base, title: " ", partnerId: null, origin: "partner", approachDate: "1900-04-01", proposedContent: "x" })).toEqual([
      { field: "title", code: "required" },
      { field: "partner", code: "required" },
      { field: "approachDate", code: "yearOutOfRange" },
    ]);
  });
  test("items: at least one, no duplicates (width-insensitive)", () => {
    expect(validateItems(["", "  "])).toEqual([{ field: "items", code: "itemsRequired" }]);
    expect(validateItems(["防災に関すること", "防災に関すること "])).toEqual([{ field: "items", code: "duplicateItem" }]);
    expect(validateItems(["ＩＴに関すること", "ITに関すること"])).toEqual([{ field: "items", code: "duplicateItem" }]);
  });
  test("conclusion: not before the approach, term not before conclusion, a real PDF", () => {
    const pdf = { name: "a.pdf", size: 100, isPdf: true };
    expect(validateConclusion({ approachDate: "2026-09-10" }, { concludedDate: "2026-09-01", termStart: "2026-09-01", signedPdf: pdf })).toEqual([{ field: "concludedDate", code: "beforeApproach" }]);
    expect(validateConclusion({ approachDate: null }, { concludedDate: "2026-12-01", termStart: "2026-11-30", signedPdf: null })).toEqual([
      { field: "termStart", code: "beforeConclusion" },
      { field: "signedPdf", code: "pdfRequired" },
    ]);
    expect(validateConclusion({ approachDate: null }, { concludedDate: "２０２６-１２-０１", termStart: "2026-12-01", signedPdf: { ...pdf, isPdf: false } })).toEqual([
      { field: "concludedDate", code: "invalidDate" },
      { field: "signedPdf", code: "notPdf" },
    ]);
    expect(validateConclusion({ approachDate: null }, { concludedDate: "2026-12-01", termStart: "2026-12-01", signedPdf: { ...pdf, size: 21 * 1024 * 1024 } })).toEqual([{ field: "signedPdf", code: "fileTooLarge" }]);
  });
  test("decline needs a reason", () => {
    expect(validateDecline("  ", "2026-11-24")).toEqual([{ field: "declinedReason", code: "required" }]);
  });
  test("survey launch: a briefing's start time is a time of day, and only with its day", () => {
    const ok = { briefingDate: "2026-12-03", deadline: "2026-12-18", departmentIds: [1], today: "2026-11-24" };
    expect(validateSurveyLaunch({ ...ok, briefingTime: "14:00" })).toEqual([]);
    expect(validateSurveyLaunch({ ...ok, briefingTime: "" })).toEqual([]);
    expect(validateSurveyLaunch({ ...ok, briefingTime: "24:00" })).toEqual([{ field: "briefingTime", code: "invalidTime" }]);
    expect(validateSurveyLaunch({ ...ok, briefingTime: "午後2時" })).toEqual([{ field: "briefingTime", code: "invalidTime" }]);
    expect(validateSurveyLaunch({ ...ok, briefingDate: null, briefingTime: "14:00" })).toEqual([{ field: "briefingDate", code: "required" }]);
  });
  test("survey launch", () => {
    expect(validateSurveyLaunch({ briefingDate: null, deadline: "2026-11-01", departmentIds: [], today: "2026-11-24" })).toEqual([
      { field: "surveyDeadline", code: "deadlineInPast" },
      { field: "departments", code: "required" },
    ]);
  });
  test("PDF magic bytes", () => {
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7"))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("<html>"))).toBe(false);
  });
});

describe("partners", () => {
  const p = (id: number, name: string): Partner => ({ id, name }) as Partner;
  test("names compare across width, kana, spacing and corporate abbreviations", () => {
    expect(partnerNameKey("(株)ミライ電機")).toBe(partnerNameKey("株式会社 みらい電機"));
    expect(partnerNameKey("㈱ＡＢＣ")).toBe(partnerNameKey("株式会社abc"));
    expect(findDuplicatePartner([p(1, "株式会社みらい電機")], "（株）みらい電機")?.id).toBe(1);
    expect(findDuplicatePartner([p(1, "株式会社みらい電機")], "株式会社みらい電機", 1)).toBeUndefined();
    expect(findDuplicatePartner([p(1, "O'Hara 食品株式会社")], "o'hara食品株式会社")?.id).toBe(1);
  });
  test("validation", () => {
    const ok = { name: "新会社", contactEmail: "a@example.jp", contactPhone: "042-491-0000", website: "https://example.jp" };
    expect(validatePartner(ok, [])).toEqual([]);
    expect(validatePartner({ name: "株式会社みらい電機", contactEmail: "x", contactPhone: "abc", website: "javascript:alert(1)" }, [p(1, "(株)みらい電機")])).toEqual([
      { field: "name", code: "duplicate", other: "(株)みらい電機" },
      { field: "contactEmail", code: "invalidEmail" },
      { field: "contactPhone", code: "invalidPhone" },
      { field: "website", code: "invalidUrl" },
    ]);
  });
});

describe("the internal survey", () => {
  const dept = (id: number, title: string): Department => ({ id, title }) as Department;
  const item = (id: number, itemNo: number): PartnershipItem => ({ id, itemNo, text: `item ${itemNo}` }) as PartnershipItem;
  const r = (d: number, i: number, answered: boolean, feasible = false, ideas = ""): SurveyResponse =>
    ({ department: { id: d, title: "" }, partnershipItem: { id: i, title: "" }, status: answered ? "answered" : "requested", feasible, projectIdeas: ideas, comment: "", answeredAt: answered ? "2026-10-30T00:00:00Z" : null }) as SurveyResponse;
  const responses = [r(1, 10, true, true, "出前講座"), r(1, 11, true), r(2, 10, false), r(2, 11, false), r(3, 10, true, true), r(3, 11, false)];
  test("who answered, who has not, and who is late", () => {
    const s = summarizeSurvey(responses, [item(11, 2), item(10, 1)], [dept(1, "A課"), dept(2, "B課"), dept(3, "C課")], "2026-11-01", "2026-11-24");
    expect(s.departments.map((d) => [d.department, d.state])).toEqual([
      ["B課", "late"],
      ["C課", "late"],
      ["A課", "answered"],
    ]);
    expect(s.answeredCount).toBe(1);
    expect(s.items.map((i) => [i.item.itemNo, i.answered, i.feasible])).toEqual([
      [1, 2, 2],
      [2, 1, 0],
    ]);
    expect(s.items[0].ideas).toEqual([{ department: "A課", text: "出前講座" }]);
  });
  test("rows to create are never duplicated", () => {
    expect(missingSurveyRows(responses, [1, 4], [10, 11])).toEqual([
      { departmentId: 4, itemId: 10 },
      { departmentId: 4, itemId: 11 },
    ]);
  });
});

import { lookBackSummary } from "../../src/domain/lookBack";
import type { ResultReport } from "../../src/domain/types";

test("the look-back counts the partner's results in the three complete fiscal years before the review", () => {
  const item = (id: number, itemNo: number): PartnershipItem => ({ id, itemNo, text: `号${itemNo}` }) as PartnershipItem;
  const rr = (fy: number, partner: number, itemId: number | null, status: ResultReport["status"] = "published"): ResultReport =>
    ({ fiscalYear: fy, partner: { id: partner, title: "" }, partnershipItem: itemId ? { id: itemId, title: "" } : null, status }) as ResultReport;
  const lb = lookBackSummary(
    [rr(2022, 1, 10), rr(2023, 1, 10), rr(2023, 1, 11), rr(2024, 1, null), rr(2025, 1, 10), rr(2021, 1, 10), rr(2023, 2, 10), rr(2024, 1, 10, "draft")],
    [item(11, 2), item(10, 1)],
    1,
    "2025-07-01",
  );
  expect(lb.fiscalYears).toEqual([2022, 2023, 2024]);
  expect(lb.perYear).toEqual([1, 2, 1]);
  expect(lb.perItem.map((p) => [p.item.itemNo, p.perYear, p.total])).toEqual([
    [1, [1, 1, 0], 2],
    [2, [0, 1, 0], 1],
  ]);
  expect(lb.otherPerYear).toEqual([0, 0, 1]);
  expect(lb.total).toBe(4);
});

/** Issue 33, point 10h: the look-back counts only fiscal years within the agreement's term. */
test("the look-back leaves out fiscal years before the agreement's term began", () => {
  const rr = (fy: number): ResultReport => ({ fiscalYear: fy, partner: { id: 1, title: "" }, partnershipItem: null, status: "published" }) as ResultReport;
  const results = [rr(2021), rr(2022), rr(2023), rr(2024)];
  // Concluded in October 2023: its review in 2026 looks back on 2023 and 2024 and 2025, never 2022.
  expect(lookBackSummary(results, [], 1, "2026-10-01", 3, "2023-10-01")).toMatchObject({ fiscalYears: [2023, 2024, 2025], perYear: [1, 1, 0], total: 2 });
  // Reviewed before three years have passed (a term that began in April 2024): only 2024 and 2025.
  expect(lookBackSummary(results, [], 1, "2026-06-01", 3, "2024-04-01")).toMatchObject({ fiscalYears: [2024, 2025], perYear: [1, 0], total: 1 });
  // A term beginning on 1 April counts that fiscal year; one ending on 31 March the day before does not.
  expect(lookBackSummary(results, [], 1, "2025-06-01", 3, "2022-04-01").fiscalYears).toEqual([2022, 2023, 2024]);
  expect(lookBackSummary(results, [], 1, "2025-06-01", 3, "2023-03-31").fiscalYears).toEqual([2022, 2023, 2024]);
  expect(lookBackSummary(results, [], 1, "2025-06-01", 3, "2023-04-01").fiscalYears).toEqual([2023, 2024]);
  // Without a known start, the three complete years before the review.
  expect(lookBackSummary(results, [], 1, "2025-06-01").fiscalYears).toEqual([2022, 2023, 2024]);
});

/** Issue 33, point 10f: items for an agreement imported without any. */
test("items may be recorded once for an imported agreement that has none", async () => {
  const { canRecordItems, isRecordingImportedItems } = await import("../../src/domain/agreementLifecycle");
  const imported = { status: "concluded" as const, importKey: "みらい電機|協定|2019-07-01" };
  expect(canRecordItems(imported, 0)).toBe(true);
  expect(isRecordingImportedItems(imported, 0)).toBe(true);
  expect(canRecordItems(imported, 2)).toBe(false);
  expect(canRecordItems({ ...imported, status: "terminated" }, 0)).toBe(true);
  expect(canRecordItems({ ...imported, status: "declined" }, 0)).toBe(false);
  // Still being written by an import that has not committed: not yet an agreement.
  expect(canRecordItems({ status: "concluded", importKey: "pending:abc.1:key" }, 0)).toBe(false);
  // Made in the product: items are locked at conclusion.
  expect(canRecordItems({ status: "concluded", importKey: "" }, 0)).toBe(false);
  expect(canRecordItems({ status: "preparing", importKey: "" }, 3)).toBe(true);
  expect(isRecordingImportedItems({ status: "preparing", importKey: "" }, 0)).toBe(false);
});

import { addMonthsClamped, fiscalYearEnd, firstTerm, GUIDELINE_TERMS, nextTerm, nextTermDecision, noticeDeadline, periodEnd, termOn, TermRules, validateTerms } from "../../src/domain/terms";

const rules = (r: Partial<TermRules>): TermRules => ({ ...GUIDELINE_TERMS, reviewCycleYears: 3, ...r });

describe("periods as the Civil Code counts them", () => {
  test.each([
    ["2026-01-31", 1, "2026-02-28"], // no 31 February: the month's last day
    ["2028-01-31", 1, "2028-02-29"], // leap year
    ["2026-01-30", 1, "2026-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-02-28", 1, "2026-03-27"],
    ["2026-04-01", 12, "2027-03-31"],
    ["2024-02-29", 12, "2025-02-28"], // from a leap day
    ["2024-02-29", 48, "2028-02-28"],
    ["2026-07-15", 36, "2029-07-14"],
    ["2026-12-01", 1, "2026-12-31"],
  ])("%s + %i months ends %s", (start, months, end) => {
    expect(periodEnd(start, months)).toBe(end);
  });

  test("adding and subtracting months clamps to the month's end", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonthsClamped("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-05-31", -2)).toBe("2026-03-31");
    expect(addMonthsClamped("2026-01-15", -1)).toBe("2025-12-15");
  });

  test("fiscal year ends", () => {
    expect(fiscalYearEnd("2026-04-01")).toBe("2027-03-31");
    expect(fiscalYearEnd("2027-03-31")).toBe("2027-03-31");
    expect(fiscalYearEnd("2027-01-10")).toBe("2027-03-31");
  });
});

describe("terms from the clauses people write", () => {
  test("valid until 31 March, renewed a year at a time with one month's notice", () => {
    const r = rules({ endsAtFiscalYearEnd: true, renewalMonths: 12, renewalRepeats: true, noticeMonths: 1 });
    const t1 = firstTerm(r, "2026-06-10")!;
    expect(t1).toEqual({ termNo: 1, from: "2026-06-10", to: "2027-03-31" });
    expect(nextTerm(r, t1)).toEqual({ termNo: 2, from: "2027-04-01", to: "2028-03-31" });
    // Notice one month before 31 March is 28 February (29 in a leap year).
    expect(noticeDeadline(r, "2027-03-31")).toBe("2027-02-28");
    expect(noticeDeadline(r, "2028-03-31")).toBe("2028-02-29");
  });

  test("three years from conclusion, then a year at a time", () => {
    const r = rules({ initialTermMonths: 36, renewalMonths: 12, noticeMonths: 1, noticeInWriting: true });
    expect(firstTerm(r, "2021-10-01")).toEqual({ termNo: 1, from: "2021-10-01", to: "2024-09-30" });
    expect(termOn(r, "2021-10-01", "2026-11-24")).toEqual({ termNo: 4, from: "2026-10-01", to: "2027-09-30" });
    const d = nextTermDecision(r, "2021-10-01", [], "2026-11-24", 30)!;
    expect(d.noticeDeadline).toBe("2027-08-30");
    expect(d.decisionDate).toBe("2027-07-31");
    expect(d.noticeInWriting).toBe(true);
  });

  test("five years, extended by five years only once, then it simply ends", () => {
    const r = rules({ initialTermMonths: 60, renewalMonths: 60, renewalRepeats: false });
    const t1 = firstTerm(r, "2020-04-01")!;
    const t2 = nextTerm(r, t1)!;
    expect(t2).toEqual({ termNo: 2, from: "2025-04-01", to: "2030-03-31" });
    expect(nextTerm(r, t2)).toBeNull();
  });

  test("a fixed term expires instead of renewing", () => {
    const r = rules({ initialTermEnd: "2027-03-31", renewalMonths: null });
    const d = nextTermDecision(r, "2025-05-01", [], "2026-11-24", 30)!;
    expect(d.renews).toBe(false);
    expect(d.next).toBeNull();
    expect(d.term.to).toBe("2027-03-31");
    expect(d.decisionDate).toBe("2027-03-01");
  });

  test("the notice window can fall in the previous fiscal year", () => {
    // A term ending 30 April 2027 with two months' notice: notice by 28 Feb 2027 (FY2026), decide by 29 Jan 2027.
    const r = rules({ initialTermMonths: 12, renewalMonths: 12, noticeMonths: 2 });
    const d = nextTermDecision(r, "2026-05-01", [], "2026-11-24", 30)!;
    expect(d.term.to).toBe("2027-04-30");
    expect(d.noticeDeadline).toBe("2027-02-28");
    expect(d.decisionDate).toBe("2027-01-29");
    expect(d.next).toEqual({ termNo: 2, from: "2027-05-01", to: "2028-04-30" });
  });

  test("the recorded chain wins over the computed one", () => {
    const r = rules({ initialTermMonths: 12, renewalMonths: 12, noticeMonths: 1 });
    const d = nextTermDecision(r, "2024-04-01", [{ termNo: 1, termFrom: "2024-04-01", termTo: "2025-03-31" }], "2026-11-24", 30)!;
    // The renewal of term 1 was never recorded: the decision still waits on term 1, now overdue.
    expect(d.term.termNo).toBe(1);
    expect(d.decisionDate).toBe("2025-01-29");
  });

  test("no expiry: no term decision (the review cycle governs)", () => {
    expect(nextTermDecision(GUIDELINE_TERMS, "2024-04-01", [], "2026-11-24")).toBeNull();
    expect(firstTerm(GUIDELINE_TERMS, "2024-04-01")).toBeNull();
  });

  test("inconsistent terms are refused", () => {
    expect(validateTerms(rules({ initialTermEnd: "2026-01-01" }), "2026-04-01")).toEqual(["endBeforeStart"]);
    expect(validateTerms(rules({ renewalMonths: 12 }), null)).toEqual(["noRenewalUnit"]);
    expect(validateTerms(rules({ initialTermMonths: 12, renewalMonths: 12, noticeMonths: 12 }), null)).toEqual(["noticeLongerThanTerm"]);
    expect(validateTerms(rules({ initialTermMonths: 36, renewalMonths: 12, noticeMonths: 1 }), "2026-04-01")).toEqual([]);
  });
});

/** Issue 33, point 10b: a notice written in days counts back in days. */
test("a notice in days: the deadline is that many days before the term ends, and wins over months", () => {
  expect(noticeDeadline(rules({ noticeDays: 30 }), "2027-03-31")).toBe("2027-03-01");
  expect(noticeDeadline(rules({ noticeDays: 30, noticeMonths: 3 }), "2027-03-31")).toBe("2027-03-01");
  expect(noticeDeadline(rules({ noticeDays: null, noticeMonths: 1 }), "2027-03-31")).toBe("2027-02-28");
  const d = nextTermDecision(rules({ initialTermMonths: 12, renewalMonths: 12, noticeDays: 30 }), "2026-04-01", [], "2026-11-24", 30)!;
  expect(d).toMatchObject({ noticeDeadline: "2027-03-01", decisionDate: "2027-01-30", renews: true });
  expect(validateTerms(rules({ initialTermMonths: 1, noticeDays: 30 }), "2026-04-01")).toEqual(["noticeLongerThanTerm"]);
  expect(validateTerms(rules({ initialTermMonths: 12, noticeDays: 30 }), "2026-04-01")).toEqual([]);
});

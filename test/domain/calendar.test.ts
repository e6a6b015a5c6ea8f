import { cityToday, daysInMonth, fiscalYearOf, fiscalYearRange, formatDateBoth, formatEraDate, formatEraFiscalYear, formatFiscalYear, formatEraDateAndTime, formatJapaneseTime, isValidIsoDate, isValidTime, onCityDay, toEra } from "../../src/domain/calendar";

describe("fiscal years (April–March)", () => {
  test.each([
    ["2026-04-01", 2026],
    ["2027-03-31", 2026],
    ["2026-03-31", 2025],
    ["2026-12-31", 2026],
    ["2027-01-01", 2026],
  ])("%s is in 年度 %i", (d, fy) => expect(fiscalYearOf(d)).toBe(fy));
  test("range", () => expect(fiscalYearRange(2026)).toEqual({ start: "2026-04-01", end: "2027-03-31" }));
});

describe("Japanese eras", () => {
  test.each([
    ["2019-04-30", "平成31年4月30日"],
    ["2019-05-01", "令和元年5月1日"],
    ["2026-11-24", "令和8年11月24日"],
    ["1989-01-07", "昭和64年1月7日"],
    ["1989-01-08", "平成元年1月8日"],
  ])("%s → %s", (d, s) => expect(formatEraDate(d)).toBe(s));
  test("fiscal year names", () => {
    expect(formatEraFiscalYear(2026)).toBe("令和8年度");
    expect(formatEraFiscalYear(2019)).toBe("令和元年度");
    expect(formatEraFiscalYear(2018)).toBe("平成30年度");
    expect(formatFiscalYear(2026)).toBe("2026年度（令和8年度）");
  });
  test("before 明治 there is no era", () => {
    expect(toEra("1860-01-01")).toBeNull();
    expect(formatEraDate("1860-01-01")).toBe("1860-01-01");
  });
  test("both forms", () => {
    expect(formatDateBoth("2026-04-01")).toBe("令和8年4月1日（2026-04-01）");
    expect(formatDateBoth(null)).toBe("");
  });
});

describe("dates", () => {
  test.each(["2026-02-30", "2026-13-01", "2026-00-10", "26-01-01", "２０２６-０４-０１", "2026-4-1"])("%s is not a valid date", (d) => expect(isValidIsoDate(d)).toBe(false));
  test.each(["2024-02-29", "2026-12-31", "1900-01-01"])("%s is valid", (d) => expect(isValidIsoDate(d)).toBe(true));
  test("leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
  test("today in the city is UTC+9", () => {
    expect(cityToday(new Date("2026-03-31T15:30:00Z"))).toBe("2026-04-01");
    expect(cityToday(new Date("2026-03-31T14:59:59Z"))).toBe("2026-03-31");
  });
  test("a clock fixed to another day in the city keeps the city's time of day", () => {
    // 23:30 in the city on 2026-03-31 (14:30 UTC), moved to 2027-04-10: 23:30 there.
    expect(onCityDay("2027-04-10", new Date("2026-03-31T14:30:00.250Z")).toISOString()).toBe("2027-04-10T14:30:00.250Z");
    // 00:15 in the city (15:15 UTC the day before): still that day in the city.
    const early = onCityDay("2027-04-10", new Date("2026-03-31T15:15:00Z"));
    expect(early.toISOString()).toBe("2027-04-09T15:15:00.000Z");
    expect(cityToday(early)).toBe("2027-04-10");
  });
});

test.each([
  ["14:00", "午後2時"],
  ["10:30", "午前10時30分"],
  ["09:05", "午前9時5分"],
  ["12:00", "正午"],
  ["12:30", "午後0時30分"],
  ["00:00", "午前0時"],
  ["23:59", "午後11時59分"],
])("a briefing's start %s is written %s, as a city's notice writes times", (t, s) => {
  expect(isValidTime(t)).toBe(true);
  expect(formatJapaneseTime(t)).toBe(s);
});

test("a briefing's day with its start time, and without one", () => {
  expect(formatEraDateAndTime("2026-12-03", "14:00")).toBe("令和8年12月3日 午後2時から");
  expect(formatEraDateAndTime("2026-12-03", "")).toBe("令和8年12月3日");
  expect(formatEraDateAndTime("2026-12-03")).toBe("令和8年12月3日");
});

test("what is not a time of day is not one", () => {
  for (const t of ["24:00", "9:00", "14:60", "14時", "", "14:00:00"]) expect(isValidTime(t)).toBe(false);
});

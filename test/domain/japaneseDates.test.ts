import { parseDateCell, parseJapaneseDate } from "../../src/domain/japaneseDates";

describe("dates as Japanese registers write them", () => {
  test.each([
    ["平成26年3月10日", "2014-03-10"],
    ["令和6年4月22日付け", "2024-04-22"],
    ["令和元年11月19日(火)", "2019-11-19"],
    ["令和元年１１月１９日（火）", "2019-11-19"],
    ["2015年3月30日(月)", "2015-03-30"],
    ["２０１５年３月３０日", "2015-03-30"],
    ["2024-04-22", "2024-04-22"],
    ["2024/4/22", "2024-04-22"],
    ["R6.4.22", "2024-04-22"],
    ["H31.4.30", "2019-04-30"],
    ["令和 6年 4月 22日 付", "2024-04-22"],
    ["令和6年4月22日(月曜日)", "2024-04-22"],
    ["昭和64年1月7日", "1989-01-07"],
  ])("%s → %s", (raw, iso) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: true, date: iso });
  });

  test.each([
    ["", "empty"],
    ["未定", "unrecognized"],
    ["令和6年2月30日", "invalidDate"],
    ["2026-02-30", "invalidDate"],
    ["令和元年4月1日", "eraRange"], // 令和 began on 1 May 2019
    ["平成31年5月1日", "eraRange"],
    ["平成0年1月1日", "eraRange"],
    ["令和元年11月19日(水)", "weekdayMismatch"], // it was a Tuesday
    ["3月10日", "unrecognized"], // no year: not guessed
  ])("%s is reported (%s), not guessed", (raw, problem) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: false, problem });
  });

  test("spreadsheet cells: dates, serial numbers and text", () => {
    expect(parseDateCell(new Date(Date.UTC(2014, 2, 10)))).toEqual({ ok: true, date: "2014-03-10" });
    expect(parseDateCell(45404)).toEqual({ ok: true, date: "2024-04-22" });
    expect(parseDateCell(1.5)).toEqual({ ok: false, problem: "unrecognized" });
    expect(parseDateCell("令和6年4月22日")).toEqual({ ok: true, date: "2024-04-22" });
    expect(parseDateCell(null)).toEqual({ ok: false, problem: "empty" });
  });
});

test("a moment stored in UTC falls on the city's date (UTC+9)", async () => {
  const { tokyoDate } = await import("../../src/domain/calendar");
  expect(tokyoDate("2027-03-31T15:00:00Z")).toBe("2027-04-01");
  expect(tokyoDate("2027-03-31T14:59:59Z")).toBe("2027-03-31");
});

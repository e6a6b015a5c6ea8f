import { foldKanjiNumerals, kanjiToNumber, parseDateCell, parseJapaneseDate } from "../../src/domain/japaneseDates";

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
    // Issue 33 point 3: what a partner writes in 回答日 of the Form 2 answer workbook.
    ["令和9年5月20日", "2027-05-20"],
    ["令和９年５月２０日", "2027-05-20"],
    ["R9.5.20", "2027-05-20"],
    ["r9.5.20", "2027-05-20"],
    ["令和元年5月1日", "2019-05-01"],
    ["平成元年1月8日", "1989-01-08"],
    ["昭和元年12月25日", "1926-12-25"],
    ["2027.5.20", "2027-05-20"],
    ["2027-5-20", "2027-05-20"],
    ["2027年5月20日", "2027-05-20"],
    ["２０２７／５／２０", "2027-05-20"],
    ["2027/5/20 0:00", "2027-05-20"],
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
    ["3月10日", "incomplete"], // no year: not guessed
  ])("%s is reported (%s), not guessed", (raw, problem) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: false, problem });
  });

  test("spreadsheet cells: dates, serial numbers and text", () => {
    expect(parseDateCell(new Date(Date.UTC(2014, 2, 10)))).toEqual({ ok: true, date: "2014-03-10" });
    expect(parseDateCell(45404)).toEqual({ ok: true, date: "2024-04-22" });
    expect(parseDateCell(1.5)).toEqual({ ok: false, problem: "unrecognized" });
    // A date with a time of day (Excel stores the time as the fraction).
    expect(parseDateCell(46527.4166)).toEqual({ ok: true, date: "2027-05-20" });
    expect(parseDateCell(46527)).toEqual({ ok: true, date: "2027-05-20" });
    expect(parseDateCell(Number.NaN)).toEqual({ ok: false, problem: "unrecognized" });
    expect(parseDateCell("令和9年5月20日")).toEqual({ ok: true, date: "2027-05-20" });
    expect(parseDateCell({ richText: [{ text: "令和9年" }, { text: "5月20日" }] })).toEqual({ ok: true, date: "2027-05-20" });
    expect(parseDateCell({ formula: "DATE(2027,5,20)", result: new Date(Date.UTC(2027, 4, 20)) })).toEqual({ ok: true, date: "2027-05-20" });
    expect(parseDateCell("令和6年4月22日")).toEqual({ ok: true, date: "2024-04-22" });
    expect(parseDateCell(null)).toEqual({ ok: false, problem: "empty" });
  });
});

test("a moment stored in UTC falls on the city's date (UTC+9)", async () => {
  const { tokyoDate } = await import("../../src/domain/calendar");
  expect(tokyoDate("2027-03-31T15:00:00Z")).toBe("2027-04-01");
  expect(tokyoDate("2027-03-31T14:59:59Z")).toBe("2027-03-31");
});

describe("dates with words around them", () => {
  test.each([
    ["平成30年10月2日（火）調印式", "2018-10-02"],
    ["2019年7月1日（発表）", "2019-07-01"],
    ["令和元年5月7日締結", "2019-05-07"],
    ["締結日：令和2年4月1日", "2020-04-01"],
    ["締結日 令和2年4月1日（水）", "2020-04-01"],
    ["協定締結式　令和5年11月8日", "2023-11-08"],
    ["令和6年4月22日付け締結", "2024-04-22"],
    ["2024/4/22 0:00", "2024-04-22"],
    ["2024年4月22日(月曜日)", "2024-04-22"],
    ["令和2年4月1日水曜日", "2020-04-01"],
  ])("%s → %s", (raw, iso) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: true, date: iso });
  });

  test("the weekday is still checked among words", () => {
    expect(parseJapaneseDate("平成30年10月2日（水）調印式")).toEqual({ ok: false, problem: "weekdayMismatch" });
  });
});

describe("kanji numerals and full-width digits", () => {
  test.each([
    ["平成三十年七月六日", "2018-07-06"],
    ["令和二年十二月一日", "2020-12-01"],
    ["令和元年十一月十九日", "2019-11-19"],
    ["二〇一九年七月一日", "2019-07-01"],
    ["二〇二〇年十月三十一日", "2020-10-31"],
    ["２０１９年７月１日", "2019-07-01"],
    ["令和２年４月１日", "2020-04-01"],
    ["平成三十一年四月三十日", "2019-04-30"],
  ])("%s → %s", (raw, iso) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: true, date: iso });
  });

  test("kanji numbers", () => {
    expect(kanjiToNumber("三十")).toBe(30);
    expect(kanjiToNumber("十二")).toBe(12);
    expect(kanjiToNumber("十")).toBe(10);
    expect(kanjiToNumber("二〇一九")).toBe(2019);
    expect(kanjiToNumber("二千十九")).toBe(2019);
    expect(kanjiToNumber("十十")).toBeNull();
    expect(kanjiToNumber("二三十")).toBeNull();
    expect(foldKanjiNumerals("同一期間、いずれか一方、三年")).toBe("同一期間、いずれか一方、3年");
  });
});

describe("what is refused rather than guessed", () => {
  test.each([
    ["令和元年", "incomplete"],
    ["2019年7月", "incomplete"],
    ["令和2年4月", "incomplete"],
    ["令和2年2月30日", "invalidDate"],
    ["平成三十年二月三十日", "invalidDate"],
    ["平成32年1月1日", "eraRange"],
    ["平成31年5月7日", "eraRange"],
    ["令和2年4月1日〜令和5年3月31日", "dateRange"],
    ["2020/4/1-2023/3/31", "dateRange"],
    ["令和2年4月1日から", "dateRange"],
    ["令和2年4月1日以降", "dateRange"],
    ["令和2年4月1日、令和3年4月1日", "multipleDates"],
    ["令和2年4月1日（変更 令和3年4月1日）", "multipleDates"],
    ["令和7年4月1日（予定）", "tentative"],
    ["令和7年4月1日締結予定", "tentative"],
    ["令和2年4月1日（第2回）", "unrecognized"],
  ])("%s is refused (%s)", (raw, problem) => {
    expect(parseJapaneseDate(raw)).toEqual({ ok: false, problem });
  });

  test("平成 past its end is read only when asked, and marked", () => {
    expect(parseJapaneseDate("平成33年3月31日", { projectEra: true })).toEqual({ ok: true, date: "2021-03-31", projected: true });
    expect(parseJapaneseDate("平成31年4月30日", { projectEra: true })).toEqual({ ok: true, date: "2019-04-30" });
    expect(parseJapaneseDate("平成99年3月31日", { projectEra: true })).toEqual({ ok: false, problem: "eraRange" });
    expect(parseJapaneseDate("昭和65年1月1日", { projectEra: true })).toEqual({ ok: false, problem: "eraRange" });
  });

  test("spreadsheet text cells go the same way", () => {
    expect(parseDateCell("締結日：令和2年4月1日")).toEqual({ ok: true, date: "2020-04-01" });
    expect(parseDateCell("令和2年4月1日〜令和5年3月31日")).toEqual({ ok: false, problem: "dateRange" });
  });
});

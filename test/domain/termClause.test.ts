import { parseTermClause, splitItems } from "../../src/domain/termClause";

describe("term clauses read into structured terms", () => {
  test("valid until 31 March, renewed for a year unless notice one month before, and likewise thereafter", () => {
    const r = parseTermClause("本協定の有効期間は、締結の日から令和7年3月31日までとする。ただし、期間満了の1か月前までに甲乙いずれからも申出がないときは、さらに1年間更新するものとし、以後も同様とする。");
    expect(r.rules).toEqual({ initialTermEnd: "2025-03-31", renewalMonths: 12, renewalRepeats: true, noticeMonths: 1 });
    expect(r.problems).toEqual([]);
  });

  test("3 years from conclusion, then a year at a time unless written notice one month before", () => {
    const r = parseTermClause("この協定の有効期間は、協定締結の日から起算して三年間とし、期間満了の一月前までに書面による申し出がない場合は、一年ごとに自動的に更新するものとする。");
    expect(r.rules).toEqual({ initialTermMonths: 36, renewalMonths: 12, renewalRepeats: true, noticeMonths: 1, noticeInWriting: true });
  });

  test("5 years, extended by 5 years unless either side objects (once)", () => {
    const r = parseTermClause("有効期間は締結日から５年間とする。ただし、期間満了までにいずれからも異議の申出がないときは、５年間延長する。");
    expect(r.rules).toEqual({ initialTermMonths: 60, renewalMonths: 60, renewalRepeats: false });
    expect(r.found).toContain("once");
  });

  test("renewed for the same length", () => {
    const r = parseTermClause("締結の日から2年間とし、満了の3か月前までに申出がないときは同一期間更新し、その後も同様とする。");
    expect(r.rules).toMatchObject({ initialTermMonths: 24, renewalMonths: 24, renewalRepeats: true, noticeMonths: 3 });
  });

  test("the end of a fiscal year", () => {
    expect(parseTermClause("締結の日から当該年度の末日までとする。").rules).toEqual({ endsAtFiscalYearEnd: true, renewalMonths: null });
    expect(parseTermClause("締結の日から3年を経過した日の属する年度の末日までとする。").rules).toEqual({ initialTermMonths: 36, endsAtFiscalYearEnd: true, renewalMonths: null });
  });

  test("a fixed term that simply ends", () => {
    const r = parseTermClause("令和5年4月1日から令和8年3月31日まで");
    expect(r.rules).toEqual({ initialTermEnd: "2026-03-31", renewalMonths: null });
    expect(r.found).toContain("fixed");
  });

  test("no expiry, and the review cycle", () => {
    expect(parseTermClause("期間の定めなし（3年ごとに見直し）").rules).toMatchObject({ initialTermMonths: null, renewalMonths: null, reviewCycleYears: 3 });
  });

  test("what cannot be read for certain is reported", () => {
    expect(parseTermClause("双方協議のうえ定める").problems).toEqual(["unrecognized"]);
    expect(parseTermClause("締結の日から1年間とし、満了の30日前までに申出がなければ1年間更新し、以後も同様").problems).toEqual(["noticeInDays"]);
    expect(parseTermClause("締結の日から令和6年2月30日まで").problems).toEqual(["endDateUnreadable"]);
    expect(parseTermClause("締結の日から令和7年3月31日まで。ただし申出がなければ更新する。").problems).toEqual(["renewalLengthUnclear"]);
    expect(parseTermClause("").found).toEqual(["none"]);
  });
});

describe("partnership items split from numbered text", () => {
  test("inline (1)(2)…", () => {
    expect(splitItems("(1)環境保全に関すること。(2)子育て支援に関すること。(3)その他、地域の活性化に関すること。")).toEqual(["環境保全に関すること", "子育て支援に関すること", "その他、地域の活性化に関すること"]);
  });
  test("full-width brackets and circled numbers", () => {
    expect(splitItems("（１）防災に関すること（２）健康づくりに関すること")).toEqual(["防災に関すること", "健康づくりに関すること"]);
    expect(splitItems("①観光振興に関すること②産業振興に関すること")).toEqual(["観光振興に関すること", "産業振興に関すること"]);
  });
  test("one per line, with or without markers", () => {
    expect(splitItems("1. 環境\r\n2. 防災\n\n3. 教育")).toEqual(["環境", "防災", "教育"]);
    expect(splitItems("一、環境\n二、防災")).toEqual(["環境", "防災"]);
    expect(splitItems("・環境\n・防災")).toEqual(["環境", "防災"]);
    expect(splitItems("環境保全\n防災")).toEqual(["環境保全", "防災"]);
  });
  test("a single item, and nothing", () => {
    expect(splitItems("地域の活性化に関すること。")).toEqual(["地域の活性化に関すること"]);
    expect(splitItems("")).toEqual([]);
    expect(splitItems(null)).toEqual([]);
  });
});

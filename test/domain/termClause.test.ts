import { BLOCKING_CLAUSE_PROBLEMS, normalizeClause, parseTermClause, splitItems } from "../../src/domain/termClause";

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

  test("5 years, extended once by 5 years when the clause says so (1回に限り)", () => {
    const r = parseTermClause("有効期間は締結日から５年間とする。ただし、期間満了までにいずれからも異議の申出がないときは、1回に限り５年間延長する。");
    expect(r.rules).toEqual({ initialTermMonths: 60, renewalMonths: 60, renewalRepeats: false });
    expect(r.found).toContain("once");
    expect(r.problems).toEqual([]);
  });

  // Issue 33, point 10a: a renewal that does not say whether it repeats is the coordinator's decision.
  test.each([
    "有効期間は締結日から５年間とする。ただし、期間満了までにいずれからも異議の申出がないときは、５年間延長する。",
    "本協定の有効期間は、締結の日から3年間とする。ただし、期間満了の1か月前までに申出がないときは、同一期間更新する。",
    "締結の日から令和7年3月31日まで。ただし、満了の1か月前までに申出がなければ、さらに1年間更新する。",
  ])("a renewal that does not say whether it repeats is flagged, never read as once: %s", (clause) => {
    const r = parseTermClause(clause);
    expect(r.problems).toEqual(["renewalRepeatUnclear"]);
    expect(BLOCKING_CLAUSE_PROBLEMS.has("renewalRepeatUnclear")).toBe(true);
    expect(r.rules.renewalRepeats).toBeUndefined();
    expect(r.found).not.toContain("once");
    expect(r.found).toContain("renewal");
  });

  test("「以後も同様」 after 「同一期間更新する」 repeats", () => {
    const r = parseTermClause("本協定の有効期間は、締結の日から3年間とする。ただし、期間満了の1か月前までに申出がないときは、同一期間更新するものとし、以後も同様とする。");
    expect(r.rules).toMatchObject({ initialTermMonths: 36, renewalMonths: 36, renewalRepeats: true, noticeMonths: 1 });
    expect(r.problems).toEqual([]);
  });

  // Issue 33, point 10b: a notice in days is read as days, not as 「満了日まで」.
  test("a notice written as days before expiry is read as days", () => {
    const r = parseTermClause("締結の日から1年間とし、満了の30日前までに申出がなければ1年間更新し、以後も同様");
    expect(r.problems).toEqual([]);
    expect(r.rules).toEqual({ initialTermMonths: 12, renewalMonths: 12, renewalRepeats: true, noticeDays: 30, noticeMonths: null });
    expect(parseTermClause("締結の日から3年間とし、期間満了日の九十日前までに書面で申し出ない限り、1年ごとに自動的に更新する。").rules).toMatchObject({ noticeDays: 90, noticeMonths: null, noticeInWriting: true });
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
    expect(parseTermClause("締結の日から令和6年2月30日まで").problems).toEqual(["endDateUnreadable"]);
    expect(parseTermClause("締結の日から令和7年3月31日まで。ただし申出がなければ更新する。").problems).toEqual(["renewalLengthUnclear"]);
    expect(parseTermClause("").found).toEqual(["none"]);
  });
});

describe("partnership items split from numbered text", () => {
  test("inline (1)(2)…", () => {
    expect(splitItems("(1)環境保全に関すること。(2)子育て支援に関すること。(3)その他、地域の活性化に関すること。")).toEqual(["環境保全に関すること。", "子育て支援に関すること。", "その他、地域の活性化に関すること。"]);
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
    expect(splitItems("地域の活性化に関すること。")).toEqual(["地域の活性化に関すること。"]);
    expect(splitItems("")).toEqual([]);
    expect(splitItems(null)).toEqual([]);
  });
});

describe("an end date is never read as a length", () => {
  // The era year and month of 「令和3年3月31日」 once read as "3 years 3 months".
  test.each([
    ["締結日〜令和3年3月31日（満了の1か月前までに申出がなければ1年間更新。以後同様）", "2021-03-31"],
    ["締結日～令和3年3月31日", "2021-03-31"],
    ["締結日~令和3年3月31日", "2021-03-31"],
    ["協定締結日から令和3年3月31日", "2021-03-31"],
    ["令和3年3月31日まで", "2021-03-31"],
    ["令和3年3月31日迄", "2021-03-31"],
    ["本協定の有効期間は、令和3年3月31日までとする。", "2021-03-31"],
    ["2023年3月31日までの5年間", "2023-03-31"],
    ["締結の日から2021年3月31日まで", "2021-03-31"],
    ["締結の日から２０２１年３月３１日まで", "2021-03-31"],
    ["締結の日から令和三年三月三十一日まで", "2021-03-31"],
    ["令和2年4月1日〜令和3年3月31日", "2021-03-31"],
    ["締結の日から令和6年3月31日（日）まで", "2024-03-31"],
    ["締結の日から令和8年3月31日をもって満了する", "2026-03-31"],
    ["締結の日から令和3年度末まで", "2022-03-31"],
    ["締結の日から2025年度の末日まで", "2026-03-31"],
  ])("%s ends on %s", (clause, end) => {
    const r = parseTermClause(clause);
    expect(r.rules.initialTermEnd).toBe(end);
    expect(r.rules.initialTermMonths).toBeUndefined();
    expect(r.found).toContain("initialEnd");
  });

  test("the first failure, read in full", () => {
    const r = parseTermClause("締結日〜令和3年3月31日（満了の1か月前までに申出がなければ1年間更新。以後同様）");
    expect(r.rules).toEqual({ initialTermEnd: "2021-03-31", renewalMonths: 12, renewalRepeats: true, noticeMonths: 1 });
    expect(r.problems).toEqual([]);
  });

  test("a start date is recorded, not taken for the end", () => {
    const r = parseTermClause("令和2年4月1日から令和5年3月31日まで");
    expect(r.startDate).toBe("2020-04-01");
    expect(r.rules.initialTermEnd).toBe("2023-03-31");
    expect(parseTermClause("令和2年4月1日から3年間").rules).toEqual({ initialTermMonths: 36, renewalMonths: null });
  });

  test("a length written beside the dates is checked against them", () => {
    const ok = parseTermClause("2018年4月1日から2023年3月31日までの5年間");
    expect(ok.statedMonths).toBe(60);
    expect(ok.problems).toEqual([]);
    expect(parseTermClause("2018年4月1日から2022年3月31日までの5年間").problems).toEqual(["termsConflict"]);
    expect(parseTermClause("令和5年4月1日から令和4年3月31日まで").problems).toEqual(["termsConflict"]);
    expect(parseTermClause("締結の日から令和5年3月31日までとし、令和6年3月31日まで").problems).toEqual(["termsConflict"]);
  });

  test("a year without its day is neither a length nor an end", () => {
    expect(parseTermClause("締結の日から令和8年3月まで").problems).toEqual(["endDateUnreadable"]);
    expect(parseTermClause("令和3年度から3年間").rules).toEqual({ initialTermMonths: 36, renewalMonths: null });
  });

  test("平成 past its end, as documents drafted before 2019 wrote future dates", () => {
    const r = parseTermClause("平成30年4月1日から平成33年3月31日まで");
    expect(r.rules.initialTermEnd).toBe("2021-03-31");
    expect(r.problems).toEqual(["eraProjected"]);
    expect(parseTermClause("締結の日から平成32年度末まで").rules.initialTermEnd).toBe("2021-03-31");
  });

  test("a lone date whose role is not said is not guessed", () => {
    expect(parseTermClause("令和8年3月31日").problems).toEqual(["dateRoleUnclear"]);
    expect(parseTermClause("令和2年4月1日締結").problems).toEqual(["dateRoleUnclear"]);
  });
});

describe("renewal wherever it is written", () => {
  test.each([
    // [clause, renewal months, repeats]
    ["2018年4月1日から2023年3月31日までの5年間（異議がない場合はさらに5年間延長し、以後も同様）", 60, true],
    ["締結の日から3年間とし、期間満了の3か月前までに申出がないときは、1年間延長するものとし、以降も同様とする。", 12, true],
    ["締結の日から1年間とする。ただし、満了の1か月前までに申出がない場合は、自動的に1年間更新されるものとし、その後も同様とする。", 12, true],
    ["締結の日から1年間とし、申出がないときは1年間自動更新とする。", 12, true],
    ["締結の日から2年間。満了の2か月前までに申出がない場合は、同一条件でさらに1年間継続するものとし、以降も同様とする。", 12, true],
    ["締結の日から1年間とする。期間満了の日までに申出がないときは、更に1年間有効とし、以後も同様とする。", 12, true],
    ["締結の日から1年間とする。申出がないときは、同一条件で1年間、以後も同様とする。", 12, true],
    ["締結の日から3年間とし、更新の期間は1年とする。以後も同様とする。", 12, true],
    ["締結の日から五年間とし、六箇月前までに書面による通告がない限り、それぞれ十年の期間、自動的に効力を延長される。", 120, true],
    ["締結の日から5年間とする。ただし、満了の日までに異議の申出がないときは、1回に限り、さらに5年間延長する。", 60, false],
    ["締結の日から1年6か月間とし、一度に限り6か月間延長する。", 6, false],
  ])("%s", (clause, months, repeats) => {
    const r = parseTermClause(clause);
    expect(r.problems).toEqual([]);
    expect(r.rules.renewalMonths).toBe(months);
    expect(r.rules.renewalRepeats).toBe(repeats);
    expect(r.found).toContain("renewal");
  });

  test("「…年を経過する日まで」 is a length", () => {
    expect(parseTermClause("締結の日から起算して5年を経過する日まで").rules).toEqual({ initialTermMonths: 60, renewalMonths: null });
  });

  test("the initial length is not taken from the renewal", () => {
    expect(parseTermClause("締結の日から3年間とし、期間満了の3か月前までに申出がないときは、1年間延長するものとし、以降も同様とする。").rules).toMatchObject({ initialTermMonths: 36, noticeMonths: 3 });
    expect(parseTermClause("締結の日から1年6か月間とし、6か月間延長する。").rules.initialTermMonths).toBe(18);
  });

  test("renewed for the same length: by the written length, or by the dates", () => {
    expect(parseTermClause("この協定は、五年の期間効力を有するものとし、自動的に同様の期間更新される。").rules).toMatchObject({ initialTermMonths: 60, renewalMonths: 60, renewalRepeats: true });
    expect(parseTermClause("令和2年4月1日から令和3年3月31日まで。申出がないときは同一期間更新し、以後も同様とする。").rules).toMatchObject({ initialTermEnd: "2021-03-31", renewalMonths: 12 });
  });

  test("a register's shorthand: a year, renewed automatically", () => {
    expect(parseTermClause("1年（自動更新）").rules).toEqual({ initialTermMonths: 12, renewalMonths: 12, renewalRepeats: true });
    expect(parseTermClause("１年ごとの自動更新").rules).toEqual({ initialTermMonths: 12, renewalMonths: 12, renewalRepeats: true });
    expect(parseTermClause("令和7年3月31日まで（1年ごとの自動更新）").rules).toEqual({ initialTermEnd: "2025-03-31", renewalMonths: 12, renewalRepeats: true });
  });

  test.each([
    ["締結の日から令和7年3月31日まで。ただし申出がなければ更新する。", "renewalLengthUnclear"],
    ["締結の日から令和7年3月31日までとし、以後同様とする。", "renewalLengthUnclear"],
    ["締結の日から令和7年3月31日まで（自動更新）", "renewalLengthUnclear"],
    ["締結日から令和7年3月31日まで。期間満了の1か月前までに申出がない場合は、自動的に延長する。", "renewalLengthUnclear"],
    ["締結の日から令和7年3月31日まで。申出がなければ同一期間更新する。", "renewalLengthUnclear"], // the first term's length is not whole months we know
    ["締結の日から1年間とし、期間満了後は甲乙協議の上、更新することができる。", "renewalByConsultation"],
    ["締結の日から3年間。協議により1年間延長することができる。", "renewalByConsultation"],
  ])("renewal spoken of but not readable is a blocking problem: %s", (clause, code) => {
    const r = parseTermClause(clause);
    expect(r.problems).toContain(code);
    expect(BLOCKING_CLAUSE_PROBLEMS.has(code as never)).toBe(true);
    expect(r.rules.renewalMonths).toBeUndefined();
    expect(r.found).not.toContain("fixed");
  });

  test("a renewal without a first term is a blocking problem too", () => {
    const r = parseTermClause("期間満了の1か月前までに申出がないときは1年間更新し、以後も同様とする。");
    expect(r.problems).toEqual(["initialTermUnclear"]);
    expect(BLOCKING_CLAUSE_PROBLEMS.has("initialTermUnclear")).toBe(true);
  });

  test("words that are not a renewal", () => {
    expect(parseTermClause("締結の日から3年間とし、3年ごとに見直し、継続の可否を判断する。").rules).toEqual({ initialTermMonths: 36, renewalMonths: null, reviewCycleYears: 3 });
    expect(parseTermClause("締結の日から令和8年3月31日までとし、期間満了により自動的に終了する。").problems).toEqual([]);
    expect(parseTermClause("締結の日から令和8年3月31日まで").found).toContain("fixed");
  });

  test("kanji numerals in lengths, windows and dates", () => {
    expect(normalizeClause("三年間、十二箇月、一月前、令和三年三月三十一日")).toBe("3年間、12箇月、1月前、令和3年3月31日");
    expect(parseTermClause("締結の日から二年間とし、満了の三箇月前までに申出がなければ一年間更新し、以後も同様").rules).toEqual({ initialTermMonths: 24, renewalMonths: 12, renewalRepeats: true, noticeMonths: 3 });
  });

  test("blocking and non-blocking problems", () => {
    expect([...BLOCKING_CLAUSE_PROBLEMS].sort()).toEqual(["dateRoleUnclear", "endDateUnreadable", "initialTermUnclear", "renewalByConsultation", "renewalLengthUnclear", "renewalRepeatUnclear", "termsConflict", "termsElsewhere"]);
  });
});

describe("items keep their wording", () => {
  test("full-width brackets, 「」, 。 and ・ stay as written", () => {
    expect(splitItems("（１）「ゼロカーボンシティ」の実現に関すること。（２）子ども・子育て支援に関すること。")).toEqual(["「ゼロカーボンシティ」の実現に関すること。", "子ども・子育て支援に関すること。"]);
    expect(splitItems("①ＳＤＧｓ（持続可能な開発目標）の推進に関すること。②防災に関すること")).toEqual(["ＳＤＧｓ（持続可能な開発目標）の推進に関すること。", "防災に関すること"]);
    expect(splitItems("観光・産業振興に関すること")).toEqual(["観光・産業振興に関すること"]);
  });

  test.each([
    ["(1)環境\n(2)防災", ["環境", "防災"]],
    ["（１）環境\n（２）防災", ["環境", "防災"]],
    ["⑴環境⑵防災", ["環境", "防災"]],
    ["⒈環境\n⒉防災", ["環境", "防災"]],
    ["１．環境\n２．防災", ["環境", "防災"]],
    ["1) 環境\n2) 防災", ["環境", "防災"]],
    ["1 環境\n2 防災", ["環境", "防災"]],
    ["（一）環境\n（二）防災", ["環境", "防災"]],
    ["（ア）環境\n（イ）防災", ["環境", "防災"]],
    ["第1号　環境\n第2号　防災", ["環境", "防災"]],
    ["●環境●防災", ["環境", "防災"]],
    ["　・環境に関すること。　\n　・防災に関すること。", ["環境に関すること。", "防災に関すること。"]],
    ["(1)環境、(2)防災", ["環境", "防災"]],
  ])("markers taken off: %s", (raw, items) => {
    expect(splitItems(raw)).toEqual(items);
  });

  test("a number inside an item is not a marker", () => {
    expect(splitItems("(1)第2条(1)に定める事業に関すること(2)防災")).toEqual(["第2条(1)に定める事業に関すること", "防災"]);
    expect(splitItems("2025年大阪・関西万博に関すること")).toEqual(["2025年大阪・関西万博に関すること"]);
    expect(splitItems("1.5次産業の振興")).toEqual(["1.5次産業の振興"]);
  });

  test("a line wrapped inside an item continues it; a lead-in stays as written", () => {
    expect(splitItems("(1)環境保全に関する\nこと\n(2)防災")).toEqual(["環境保全に関すること", "防災"]);
    expect(splitItems("次の事項について連携する。①環境②防災")).toEqual(["次の事項について連携する。", "環境", "防災"]);
  });
});

describe("wordings found in published registers (the 60-row register's former misreadings)", () => {
  test.each([
    ["協定締結日から起算して3年を経過する日の属する年度の末日までとする。", 3, false],
    ["締結の日から3年を経過した日の属する年度の末日までとする。", 3, true],
    ["締結の日から5年を経過した日以後最初に到来する3月31日まで", 5, true],
    ["締結の日から五年を経過した日以後初めて到来する3月31日までとする。", 5, true],
  ])("years, then the end of a fiscal year: %s", (clause, years, dayAfter) => {
    const r = parseTermClause(clause);
    expect(r.rules).toMatchObject({ initialTermMonths: years * 12, endsAtFiscalYearEnd: true });
    expect(r.fiscalYearEndAfterYears).toBe(dayAfter ? years : undefined);
    expect(r.problems).toEqual([]);
  });

  test.each([
    ["有効期間：締結日より3ヶ年", 36],
    ["締結の日から三箇年とする。", 36],
    ["本協定の有効期間は、締結の日から2か年とする。", 24],
    ["締結日から5ケ年間", 60],
  ])("years written as 箇年: %s", (clause, months) => {
    expect(parseTermClause(clause).rules).toMatchObject({ initialTermMonths: months, renewalMonths: null });
  });

  test.each([
    ["締結日から令和3年3月末日まで", "2021-03-31"],
    ["締結の日から2024年2月末日までとする。", "2024-02-29"],
    ["締結の日から令和5年9月末まで", "2023-09-30"],
  ])("an end written as a month's last day: %s", (clause, end) => {
    expect(parseTermClause(clause).rules).toMatchObject({ initialTermEnd: end });
  });

  test.each([
    ["締結の日から令和5年3月31日までとする。期間満了後の取扱いについては、双方協議の上決定する。"],
    ["締結の日から3年間とする。期間満了後は、甲乙協議の上、定めるものとする。"],
    ["締結の日から令和7年3月31日まで。満了した後の取扱いは、双方の合意により定める。"],
  ])("what follows the term is left to consultation: a decision, never 終了 by default: %s", (clause) => {
    const r = parseTermClause(clause);
    expect(r.problems).toContain("renewalByConsultation");
    expect(r.found).not.toContain("fixed");
  });

  test.each([["協定書第5条のとおり"], ["別紙のとおり"], ["協定書に定める期間"]])("the terms written elsewhere are a decision, never the site's defaults: %s", (clause) => {
    expect(parseTermClause(clause).problems).toContain("termsElsewhere");
  });

  test("「期間の定めなし」 and an empty cell are not 'elsewhere'", () => {
    expect(parseTermClause("期間の定めなし（協定書第5条）").problems).not.toContain("termsElsewhere");
    expect(parseTermClause("").problems).toEqual([]);
  });

  test.each([
    ["締結日～2024年3月31日／自動更新（1年）", { initialTermEnd: "2024-03-31", renewalMonths: 12, renewalRepeats: true }],
    ["締結日から3年間（以降、1年ごとの自動更新）", { initialTermMonths: 36, renewalMonths: 12, renewalRepeats: true }],
    ["本協定の有効期間は、締結の日から1年間とする。ただし、期間満了の1か月前までに申出がないときは、引き続き1年間の期間をもって更新するものとし、以後も同様とする。", { initialTermMonths: 12, renewalMonths: 12, renewalRepeats: true, noticeMonths: 1 }],
    ["締結の日から2年間とし、以後2年を単位として自動的に更新する。", { initialTermMonths: 24, renewalMonths: 24, renewalRepeats: true }],
  ])("a renewal written plainly is read, not sent to a decision: %s", (clause, rules) => {
    const r = parseTermClause(clause);
    expect(r.rules).toMatchObject(rules);
    expect(r.problems).toEqual([]);
  });
});

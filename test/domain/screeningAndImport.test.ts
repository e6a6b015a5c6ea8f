import { agreementKey, canConfirmTerms, canEnterDate, detectColumns, guessPartnerKind, importable, needsDecision, planImport, rowOutcome, withConcludedDate, withConfirmedTerms, withPartnerKind } from "../../src/domain/registerImport";
import { declineReasonCiting, DEFAULT_CRITERIA, parseScreening, summarizeScreening, validateCriteria } from "../../src/domain/screening";
import { GUIDELINE_RULES, parseSiteRules, siteRulesToSettings, validateSiteRules } from "../../src/domain/siteRules";

describe("intake screening", () => {
  test("requirements are met by yes, exclusions by no; unmet ones can be cited", () => {
    const s = parseScreening(JSON.stringify({ answers: { fields: "yes", plan: "no", sales: "yes", politics: "no", bogus: "maybe" }, note: "", checkedOn: "2026-11-24", checkedBy: "未来 花子" }));
    const sum = summarizeScreening(DEFAULT_CRITERIA, s);
    expect(sum.met.map((c) => c.id)).toEqual(["fields", "politics"]);
    expect(sum.unmet.map((c) => c.id)).toEqual(["plan", "sales"]);
    expect(sum.unanswered).toHaveLength(4);
    const reason = declineReasonCiting(sum.unmet, "先方と協議済み");
    expect(reason).toContain("長期総合計画・実行計画の目標の実現に資する（満たさない）");
    expect(reason).toContain("直接の営業・販売促進や広告宣伝を目的としている（該当）");
    expect(reason.endsWith("先方と協議済み")).toBe(true);
  });
  test("an unreadable checklist is an empty one", () => {
    expect(parseScreening("{not json").answers).toEqual({});
    expect(parseScreening("").checkedOn).toBeNull();
  });
  test("criteria must be present, filled and distinct", () => {
    expect(validateCriteria([])).toEqual(["empty"]);
    expect(validateCriteria([{ id: "a", kind: "requirement", text: " " }])).toEqual(["blankText"]);
    expect(validateCriteria([{ id: "a", kind: "requirement", text: "x" }, { id: "b", kind: "exclusion", text: "x" }])).toEqual(["duplicateText"]);
  });
});

describe("site rules in the settings list", () => {
  test("round trip, and the guideline's values when nothing is set", () => {
    expect(parseSiteRules([])).toEqual(GUIDELINE_RULES);
    const custom = { ...GUIDELINE_RULES, terms: { ...GUIDELINE_RULES.terms, initialTermMonths: 36, renewalMonths: 12, noticeMonths: 1, noticeInWriting: true }, decisionBufferDays: 45 };
    expect(parseSiteRules(siteRulesToSettings(custom))).toEqual(custom);
  });
  test("a hand-edited value that cannot be read falls back", () => {
    const r = parseSiteRules([{ key: "renewalMonths", value: "十二" }, { key: "decisionBufferDays", value: "-5" }, { key: "screeningCriteria", value: "[{]" }]);
    expect(r.terms.renewalMonths).toBeNull();
    expect(r.decisionBufferDays).toBe(30);
    expect(r.criteria).toEqual(DEFAULT_CRITERIA);
  });
  test("validation", () => {
    expect(validateSiteRules({ ...GUIDELINE_RULES, decisionBufferDays: 400, terms: { ...GUIDELINE_RULES.terms, renewalMonths: 12 } })).toEqual([
      { field: "decisionBufferDays", code: "outOfRange" },
      { field: "terms", code: "noRenewalUnit" },
    ]);
  });
});

describe("importing an existing register", () => {
  const header = ["No.", "協定先", "協定名", "締結日", "連携事項", "協定期間"];
  const ctx = {
    partners: [{ id: 5, name: "株式会社みらい電機" }],
    agreements: [{ id: 9, title: "清瀬市と清瀬北大学との包括連携に関する協定", concludedDate: "2019-07-01", partner: { id: 2, title: "清瀬北大学" }, importKey: "" }],
    site: GUIDELINE_RULES,
    today: "2026-11-24",
  };
  const rows = [
    [1, "（株）みらい電機", "みらい電機との包括連携協定", "令和6年4月22日付け", "(1)環境保全に関すること。(2)防災に関すること。", "締結の日から令和7年3月31日までとする。ただし、期間満了の1か月前までに申出がないときは、さらに1年間更新するものとし、以後も同様とする。"],
    [2, "清瀬北大学", "清瀬市と清瀬北大学との包括連携に関する協定", "令和元年7月1日", "教育\n研究", ""],
    [3, "", "名無しの協定", "2020年1月1日", "", ""],
    [4, "ひまわり信用金庫", "地域経済の活性化に関する協定", "令和元年11月19日(水)", "", ""],
    [5, "さくら観光協会", "観光振興に関する協定", "平成28年4月1日", "観光", "締結の日から3年間"],
    [6, "(株)みらい電機", "みらい電機との包括連携協定", "2024-04-22", "", ""],
    ["", "", "", "", "", ""],
  ];

  test("columns are found by their headings", () => {
    expect(detectColumns(header)).toEqual({ partner: 1, title: 2, concluded: 3, items: 4, terms: 5 });
    expect(detectColumns(["相手方", "ふりがな", "協定の名称", "締結年月日", "連携内容", "有効期間"])).toEqual({ partner: 0, kana: 1, title: 2, concluded: 3, items: 4, terms: 5 });
  });

  test("every row planned with its problems by row number", () => {
    const plan = planImport(rows, detectColumns(header), ctx);
    expect(plan.map((r) => r.rowNo)).toEqual([2, 3, 4, 5, 6, 7]);
    const [mirai, dup, nameless, wrongDay, fixed, twice] = plan;
    // Matched to the existing partner across (株)/株式会社 and widths; the terms read from the clause.
    expect(mirai.partnerId).toBe(5);
    // Items as written, closing 。 included.
    expect(mirai.items).toEqual(["環境保全に関すること。", "防災に関すること。"]);
    expect(mirai.rules).toMatchObject({ initialTermEnd: "2025-03-31", renewalMonths: 12, noticeMonths: 1 });
    expect(mirai.terms.map((t) => `${t.termNo}:${t.from}..${t.to}`)).toEqual(["1:2024-04-22..2025-03-31", "2:2025-04-01..2026-03-31", "3:2026-04-01..2027-03-31"]);
    expect(mirai.status).toBe("concluded");
    expect(importable(mirai)).toBe(true);
    // Already in the product: skipped.
    expect(dup.duplicateOfId).toBe(9);
    expect(importable(dup)).toBe(false);
    expect(dup.warnings).toContainEqual({ field: "terms", code: "defaultTerms" });
    expect(nameless.errors).toEqual([{ field: "partner", code: "required" }]);
    expect(wrongDay.errors).toEqual([{ field: "concluded", code: "weekdayMismatch" }]);
    // What the file wrote is kept beside what was read.
    expect(wrongDay.concludedText).toBe("令和元年11月19日(水)");
    expect(mirai.concludedText).toBe("令和6年4月22日付け");
    expect(mirai.clause).toBe(rows[0][5]);
    expect(wrongDay.partnerKind).toBe("financialInstitution");
    // A fixed three-year term long expired is registered as ended.
    expect(fixed.status).toBe("terminated");
    expect(fixed.terms).toEqual([{ termNo: 1, from: "2016-04-01", to: "2019-03-31" }]);
    expect(fixed.nextReviewDate).toBeNull();
    expect(fixed.partnerKind).toBe("association");
    // The same agreement twice in one file.
    expect(twice.errors).toEqual([{ field: "row", code: "duplicateInFile", other: 2 }]);
  });

  test("terms confirmed in the preview replace what was read, and the schedule follows", () => {
    const [, dup] = planImport(rows, detectColumns(header), ctx);
    const fixed = withConfirmedTerms(dup, { ...dup.rules, initialTermMonths: 36, renewalMonths: null }, "2026-11-24");
    // Concluded 2019-07-01 for three years, no renewal: ended 2022-06-30.
    expect(fixed).toMatchObject({ status: "terminated", termsConfirmed: true, nextReviewDate: null });
    expect(fixed.terms).toEqual([{ termNo: 1, from: "2019-07-01", to: "2022-06-30" }]);
    expect(fixed.warnings.filter((w) => w.field === "terms")).toEqual([]);
  });

  test("values longer than the lists hold are refused in the preview, not cut", () => {
    const long = [[1, "株式会社ながい", "協定".repeat(200), "2024-04-01", `(1)${"あ".repeat(300)}`, "期".repeat(5000)]];
    const [row] = planImport(long, detectColumns(header), ctx);
    expect(row.errors).toEqual([
      { field: "title", code: "tooLong", other: 255 },
      { field: "items", code: "tooLong", other: 255 },
      { field: "terms", code: "tooLong", other: 4000 },
    ]);
    expect(importable(row)).toBe(false);
  });

  test("keys fold widths, kana and corporate abbreviations", () => {
    expect(agreementKey("（株）ミライ電機", "協定 A", "2024-04-22")).toBe(agreementKey("株式会社みらい電機", "協定A", "2024-04-22"));
    expect(guessPartnerKind("国立大学法人清瀬大学")).toBe("university");
  });
});

describe("importing clauses that cannot be read in full", () => {
  const header = ["協定先", "協定名", "締結日", "連携事項", "協定期間"];
  const ctx = { partners: [], agreements: [{ id: 9, title: "既にある協定", concludedDate: "2019-07-01", partner: { id: 2, title: "清瀬北大学" }, importKey: "" }], site: GUIDELINE_RULES, today: "2026-11-24" };
  const plan = (clause: string, concluded = "平成30年4月1日", partner = "株式会社みらい電機", title = "包括連携協定"): ReturnType<typeof planImport>[number] => planImport([[partner, title, concluded, "（１）環境", clause]], detectColumns(header), ctx)[0];

  test("an end date after 〜 with the renewal in brackets: in force, renewed yearly", () => {
    const row = plan("締結日〜令和3年3月31日（満了の1か月前までに申出がなければ1年間更新。以後同様）");
    expect(row.errors).toEqual([]);
    expect(row.rules).toMatchObject({ initialTermEnd: "2021-03-31", renewalMonths: 12, renewalRepeats: true });
    expect(row.status).toBe("concluded");
    expect(row.items).toEqual(["環境"]);
  });

  test("a renewal written after the length is read, and the agreement is in force", () => {
    const row = plan("2018年4月1日から2023年3月31日までの5年間（異議がない場合はさらに5年間延長し、以後も同様）");
    expect(row.errors).toEqual([]);
    expect(row.terms.map((t) => t.to)).toEqual(["2023-03-31", "2028-03-31"]);
    expect(row.status).toBe("concluded");
  });

  test.each([
    ["締結の日から令和3年3月31日まで。ただし申出がなければ更新する。", "renewalLengthUnclear"],
    ["締結の日から令和3年3月31日まで（自動更新）", "renewalLengthUnclear"],
    ["締結の日から1年間とし、期間満了後は協議の上、更新することができる。", "renewalByConsultation"],
    ["申出がないときは1年間更新し、以後も同様とする。", "initialTermUnclear"],
    ["締結の日から令和2年2月30日まで", "endDateUnreadable"],
    ["令和8年3月31日", "dateRoleUnclear"],
    ["2018年4月1日から2022年3月31日までの5年間", "termsConflict"],
  ])("the row waits for the coordinator's decision: %s", (clause, code) => {
    const row = plan(clause);
    expect(row.errors).toContainEqual({ field: "terms", code });
    expect(importable(row)).toBe(false);
    expect(canConfirmTerms(row)).toBe(true);
    // Once the coordinator has set the terms, the row goes in with them.
    const decided = withConfirmedTerms(row, { ...row.rules, initialTermEnd: "2021-03-31", initialTermMonths: null, renewalMonths: 12, renewalRepeats: true }, "2026-11-24");
    expect(decided.errors).toEqual([]);
    expect(importable(decided)).toBe(true);
    expect(decided.status).toBe("concluded");
  });

  test("problems that do not need a decision stay warnings", () => {
    const row = plan("平成30年4月1日から平成33年3月31日まで");
    expect(row.errors).toEqual([]);
    expect(row.warnings).toEqual([{ field: "terms", code: "eraProjected" }]);
    expect(row.status).toBe("terminated");
  });

  test("a row skipped anyway only shows the clause's problems", () => {
    const [row] = planImport([["清瀬北大学", "既にある協定", "令和元年7月1日", "", "令和8年3月31日"]], detectColumns(header), ctx);
    expect(row.duplicateOfId).toBe(9);
    expect(row.errors).toEqual([]);
    expect(row.warnings).toContainEqual({ field: "terms", code: "dateRoleUnclear" });
  });

  test("other errors are fixed in the file, not by setting the terms", () => {
    const row = plan("締結の日から令和3年3月31日まで。ただし申出がなければ更新する。", "令和2年4月1日〜令和5年3月31日");
    expect(row.errors).toEqual([{ field: "concluded", code: "dateRange" }, { field: "terms", code: "renewalLengthUnclear" }]);
    expect(canConfirmTerms(row)).toBe(false);
    const decided = withConfirmedTerms(row, row.rules, "2026-11-24");
    expect(decided.errors).toEqual([{ field: "concluded", code: "dateRange" }]);
  });

  test("concluded dates with words around them", () => {
    expect(plan("", "締結日：平成30年10月2日（火）調印式").concludedDate).toBe("2018-10-02");
    expect(plan("", "平成三十年七月六日").concludedDate).toBe("2018-07-06");
    expect(plan("", "令和元年").errors).toEqual([{ field: "concluded", code: "incomplete" }]);
  });
});

describe("the preview's decisions: a date typed in, the outcome in words, the partner's kind", () => {
  const header = ["協定先", "協定名", "締結日", "連携事項", "協定期間"];
  const ctx = {
    partners: [{ id: 5, name: "株式会社みらい電機" }],
    agreements: [{ id: 9, title: "既にある協定", concludedDate: "2019-07-01", partner: { id: 2, title: "清瀬北大学" }, importKey: "" }],
    site: GUIDELINE_RULES,
    today: "2026-11-24",
  };
  const yearly = "締結の日から1年間とし、満了の1か月前までに申出がないときは1年間更新し、以後も同様とする。";
  const rows = [
    ["清瀬市", "清瀬市と東村山市との連携協定", "令和元年11月19日(水)", "（１）防災", yearly],
    ["東京都立清瀬高等学校", "清瀬高校との協定", "2020年4月1日", "（１）教育", "締結の日から3年間"],
    ["清瀬北大学", "既にある協定", "令和元年7月十日頃", "（１）研究", ""],
    ["", "名無し", "不明", "", ""],
    ["株式会社あおば", "あおばとの協定", "2022年4月1日", "（１）環境", "締結の日から1年間とし、期間満了後は協議の上、更新することができる。"],
  ];
  const plan = planImport(rows, detectColumns(header), ctx);
  const [city, school, known, nameless, consult] = plan;

  test("kinds a city partners with are guessed from the name", () => {
    expect(city.partnerKind).toBe("publicBody");
    expect(school.partnerKind).toBe("school");
    expect(guessPartnerKind("特定非営利活動法人きよせの森")).toBe("association");
    expect(guessPartnerKind("多摩中央信用金庫")).toBe("financialInstitution");
  });

  test("what the import does with each row", () => {
    expect(rowOutcome(school)).toEqual({ kind: "terminated", endedOn: "2023-03-31" });
    expect(rowOutcome(city)).toEqual({ kind: "needsDate" });
    expect(rowOutcome(nameless)).toEqual({ kind: "blocked" });
    expect(rowOutcome(consult)).toEqual({ kind: "needsTerms" });
    expect([city, school, known, nameless, consult].map(needsDecision)).toEqual([true, false, true, false, true]);
    expect(canEnterDate(nameless)).toBe(false);
  });

  test("a conclusion date typed in re-plans the row: its terms so far, its next decision", () => {
    expect(city.concludedDate).toBeNull();
    expect(city.nextDecision).toEqual({ nextDecisionDate: null, nextDecisionText: "" });
    const typed = withConcludedDate(city, "2019-11-19", ctx, plan);
    expect(typed).toMatchObject({ concludedDate: "2019-11-19", concludedEntered: true, concludedText: "令和元年11月19日(水)", errors: [], status: "concluded", duplicateOfId: null });
    expect(importable(typed)).toBe(true);
    expect(typed.terms[typed.terms.length - 1]).toEqual({ termNo: 8, from: "2026-11-19", to: "2027-11-18" });
    // Notice one month before 18 November 2027, decided 30 days before that.
    expect(typed.nextDecision.nextDecisionDate).toBe("2027-09-18");
    expect(typed.nextDecision.nextDecisionText).toBe("第8期の更新の判断（満了 令和9年11月18日、申出期限 令和9年10月18日）");
    expect(rowOutcome(typed)).toEqual({ kind: "concluded", decision: typed.nextDecision });
    expect(typed.importKey).toBe(agreementKey("清瀬市", "清瀬市と東村山市との連携協定", "2019-11-19"));
  });

  test("a typed date that makes the row one already registered, or one earlier in the file, skips it", () => {
    const dup = withConcludedDate(known, "2019-07-01", ctx, plan);
    expect(dup.duplicateOfId).toBe(9);
    expect(importable(dup)).toBe(false);
    expect(rowOutcome(dup)).toEqual({ kind: "duplicate", agreementId: 9 });
    const twice = withConcludedDate({ ...school, rowNo: 9, concludedDate: null, errors: [{ field: "concluded", code: "unrecognized" }] }, "2020-04-01", ctx, plan);
    expect(twice.errors).toEqual([{ field: "row", code: "duplicateInFile", other: school.rowNo }]);
    expect(rowOutcome(twice)).toEqual({ kind: "duplicateInFile", rowNo: school.rowNo });
  });

  test("a row with its terms to decide is not imported until confirmed, then is", () => {
    expect(importable(consult)).toBe(false);
    const decided = withConfirmedTerms(consult, { ...consult.rules, initialTermMonths: 12, renewalMonths: 12, renewalRepeats: true }, ctx.today);
    expect(needsDecision(decided)).toBe(false);
    expect(rowOutcome(decided).kind).toBe("concluded");
    expect(decided.nextDecision.nextDecisionDate).not.toBeNull();
  });

  test("the kind chosen for a new partner applies to its every row, never to an existing partner", () => {
    const two = planImport([rows[0], ["清瀬市", "別の協定", "2021年4月1日", "", ""], ["株式会社みらい電機", "協定", "2021年4月1日", "", ""]], detectColumns(header), ctx);
    const changed = withPartnerKind(two, two[0].partnerName, "other");
    expect(changed.map((r) => r.partnerKind)).toEqual(["other", "other", "company"]);
    expect(two[0].partnerKind).toBe("publicBody");
  });
});

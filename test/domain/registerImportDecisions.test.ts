import { detectColumns, importable, needsDecision, originOf, planImport, rowOutcome, withConfirmedTerms, withSplitDecision } from "../../src/domain/registerImport";
import { GUIDELINE_RULES } from "../../src/domain/siteRules";

/**
 * Issue 33, point 10: a small register as cities write them, planned for import. What the
 * file does not say waits for the coordinator; what it says is read as written.
 */

const header = ["協定先", "協定名", "締結日", "連携事項", "協定期間"];
const ctx = { partners: [], agreements: [] as never[], site: GUIDELINE_RULES, today: "2026-12-02" };
const rows = [
  // a. renews for the same length, without saying whether again: never defaulted to 終了.
  ["株式会社ひまわり薬局", "ひまわり薬局との包括連携協定", "平成29年4月1日", "健康づくりに関すること", "締結の日から3年間とする。ただし、期間満了の1か月前までに申出がないときは、同一期間更新する。"],
  // b. notice written in days.
  ["清瀬北大学", "清瀬北大学との包括連携協定", "令和5年4月1日", "教育に関すること", "締結の日から1年間とし、満了の30日前までに申出がなければ1年間更新し、以後も同様とする。"],
  // d. two companies joined by 及び, each followed by its location.
  ["株式会社A（東京都千代田区）及び株式会社B（大阪市北区）", "二社との包括連携協定", "令和6年4月1日", "防災に関すること", ""],
  // d. a group's name.
  ["清瀬市内金融機関ほか2社", "金融機関との包括連携協定", "令和6年6月1日", "地域経済に関すること", ""],
];

test("a renewal that does not say whether it repeats waits for a decision and is not 終了 until the coordinator says so", () => {
  const [pharmacy] = planImport(rows, detectColumns(header), ctx);
  expect(pharmacy.errors).toEqual([{ field: "terms", code: "renewalRepeatUnclear" }]);
  expect(needsDecision(pharmacy)).toBe(true);
  expect(importable(pharmacy)).toBe(false);
  expect(rowOutcome(pharmacy)).toEqual({ kind: "needsTerms" });
  // The coordinator says it renews again and again: in force, in its fourth term.
  const repeats = withConfirmedTerms(pharmacy, { ...pharmacy.rules, renewalRepeats: true }, ctx.today);
  expect(importable(repeats)).toBe(true);
  expect(repeats.status).toBe("concluded");
  expect(repeats.terms.map((t) => t.termNo)).toEqual([1, 2, 3, 4]);
  // ...or once: then it ended on 31 March 2023, said so by the coordinator's decision.
  const once = withConfirmedTerms(pharmacy, { ...pharmacy.rules, renewalRepeats: false }, ctx.today);
  expect(once).toMatchObject({ status: "terminated" });
  expect(once.terms[once.terms.length - 1].to).toBe("2023-03-31");
});

test("a notice written as days before expiry is read as days, and the row is ready without a note about it", () => {
  const [, univ] = planImport(rows, detectColumns(header), ctx);
  expect(univ.rules).toMatchObject({ noticeDays: 30, noticeMonths: null, renewalMonths: 12, renewalRepeats: true });
  expect(univ.errors).toEqual([]);
  expect(univ.warnings).toEqual([]);
  expect(importable(univ)).toBe(true);
  // The term 2026-04-01..2027-03-31: notice by 1 March 2027, decision 30 days before.
  expect(univ.nextDecision.nextDecisionDate).toBe("2027-01-30");
});

test("two companies with their locations are proposed as two partners (the location kept as the address); a group is one, with a note", () => {
  const [, , two, group] = planImport(rows, detectColumns(header), ctx);
  expect(two.split?.parts).toEqual([
    { name: "株式会社A", id: null, kind: "company", place: "東京都千代田区" },
    { name: "株式会社B", id: null, kind: "company", place: "大阪市北区" },
  ]);
  expect(two.errors).toEqual([{ field: "partner", code: "severalPartners", other: 2 }]);
  expect(needsDecision(two)).toBe(true);
  expect(importable(withSplitDecision(two, "split"))).toBe(true);
  expect(group.split).toBeNull();
  expect(group.warnings).toContainEqual({ field: "partner", code: "groupName" });
  expect(importable(group)).toBe(true);
});

test("the plan counts what waits for a decision: none of these rows is silently ready or silently refused", () => {
  const plan = planImport(rows, detectColumns(header), ctx);
  expect(plan.filter(needsDecision).map((r) => r.rowNo)).toEqual([2, 4]);
  expect(plan.filter(importable).map((r) => r.rowNo)).toEqual([3, 5]);
});

test("the origin (発意) is 不明 unless the register says", () => {
  const plain = planImport(rows, detectColumns(header), ctx);
  expect(plain.map((r) => r.origin)).toEqual(["unknown", "unknown", "unknown", "unknown"]);
  const withOrigin = [...header, "発意"];
  const said = planImport(
    [
      [...rows[0], "企業等から（打診）"],
      [...rows[1], "市"],
      [...rows[2], ""],
      [...rows[3], "双方"],
    ],
    detectColumns(withOrigin),
    ctx,
  );
  expect(detectColumns(withOrigin).origin).toBe(5);
  expect(said.map((r) => r.origin)).toEqual(["partner", "city", "unknown", "unknown"]);
  expect(originOf("本市から申し入れ")).toBe("city");
  expect(originOf("大学から")).toBe("partner");
  expect(originOf(null)).toBe("unknown");
});

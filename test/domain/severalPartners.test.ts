import { agreementPartners, isPartnerOf, partnerNamesText } from "../../src/domain/agreements";
import { itemsByPartner } from "../../src/domain/calls";
import { lookBackSummary } from "../../src/domain/lookBack";
import { canDecideSplit, detectColumns, importable, needsDecision, planImport, rowOutcome, rowPartners, withConcludedDate, withPartnerKind, withSplitDecision } from "../../src/domain/registerImport";
import { yearTotals } from "../../src/domain/results";
import { GUIDELINE_RULES } from "../../src/domain/siteRules";
import type { PartnershipItem, ResultReport } from "../../src/domain/types";

/**
 * Agreements signed with several partners (連名): 「A大学、B大学及びC大学」 is three partners,
 * each with its own proposals, results and contact — never one composite partner.
 */

const header = ["協定先", "協定名", "締結日", "連携事項", "協定期間"];
const ctx = {
  partners: [{ id: 4, name: "学校法人清瀬学園清瀬北大学" }],
  agreements: [] as never[],
  site: GUIDELINE_RULES,
  today: "2026-12-02",
};

describe("the register import proposes the split, the coordinator decides", () => {
  const rows = [
    ["国立大学法人清瀬工業大学、学校法人清瀬学園清瀬北大学及び公立大学法人清瀬看護大学", "大学との包括連携協定", "令和2年4月1日", "（１）教育に関すること。", "期間の定めなし（3年ごとに見直し）"],
    ["株式会社あおぞら銀行・株式会社みどり銀行・株式会社ひかり銀行及び多摩中央信用金庫", "市内金融機関との連携協定", "2021年10月1日", "（１）地域経済の活性化に関すること。", ""],
    ["一般社団法人日本・アジア交流協会", "交流協会との協定", "2022年4月1日", "（１）国際交流に関すること。", ""],
    ["清瀬工業大学と清瀬看護大学", "二大学との協定", "令和元年7月十日頃", "（１）研究", ""],
  ];
  const plan = planImport(rows, detectColumns(header), ctx);
  const [universities, banks, association, typed] = plan;

  test("several partners in one cell: proposed as separate partners, kinds guessed, known ones found, not ticked until decided", () => {
    expect(universities.split?.parts).toEqual([
      { name: "国立大学法人清瀬工業大学", id: null, kind: "university" },
      { name: "学校法人清瀬学園清瀬北大学", id: 4, kind: "university" },
      { name: "公立大学法人清瀬看護大学", id: null, kind: "university" },
    ]);
    expect(universities.split?.decision).toBeNull();
    expect(banks.split?.parts.map((p) => [p.name, p.kind])).toEqual([
      ["株式会社あおぞら銀行", "financialInstitution"],
      ["株式会社みどり銀行", "financialInstitution"],
      ["株式会社ひかり銀行", "financialInstitution"],
      ["多摩中央信用金庫", "financialInstitution"],
    ]);
    for (const r of [universities, banks]) {
      expect(importable(r)).toBe(false);
      expect(needsDecision(r)).toBe(true);
      expect(canDecideSplit(r)).toBe(true);
    }
    expect(rowOutcome(universities)).toEqual({ kind: "needsSplit", parts: 3 });
    expect(rowOutcome(banks)).toEqual({ kind: "needsSplit", parts: 4 });
  });

  test("one organisation whose name has a 「・」 is not split, and imports as it is", () => {
    expect(association.split).toBeNull();
    expect(importable(association)).toBe(true);
    expect(rowPartners(association)).toEqual([{ name: "一般社団法人日本・アジア交流協会", id: null, kind: "association" }]);
  });

  test("split: each part a partner of its own; kept whole: one partner as written", () => {
    const split = withSplitDecision(universities, "split");
    expect(importable(split)).toBe(true);
    expect(rowPartners(split).map((p) => p.name)).toEqual(["国立大学法人清瀬工業大学", "学校法人清瀬学園清瀬北大学", "公立大学法人清瀬看護大学"]);
    expect(rowOutcome(split)).toMatchObject({ kind: "concluded" });
    const whole = withSplitDecision(banks, "whole");
    expect(importable(whole)).toBe(true);
    expect(rowPartners(whole)).toEqual([{ name: banks.partnerName, id: null, kind: banks.partnerKind }]);
    // The decision can be changed before import.
    expect(rowPartners(withSplitDecision(whole, "split"))).toHaveLength(4);
  });

  test("a date typed in keeps the split to decide; a split decided keeps its date to type", () => {
    expect(rowOutcome(typed)).toEqual({ kind: "needsDate" });
    expect(typed.split?.parts.map((p) => p.name)).toEqual(["清瀬工業大学", "清瀬看護大学"]);
    const dated = withConcludedDate(typed, "2019-07-10", ctx, plan);
    expect(rowOutcome(dated)).toEqual({ kind: "needsSplit", parts: 2 });
    expect(importable(withSplitDecision(dated, "split"))).toBe(true);
    const decidedFirst = withSplitDecision(typed, "split");
    expect(rowOutcome(decidedFirst)).toEqual({ kind: "needsDate" });
    expect(importable(withConcludedDate(decidedFirst, "2019-07-10", ctx, plan))).toBe(true);
  });

  test("the kind chosen for a part applies wherever that new partner is created", () => {
    const other = planImport([["公立大学法人清瀬看護大学", "看護大学との協定", "2023年4月1日", "", ""]], detectColumns(header), ctx);
    const changed = withPartnerKind([universities, ...other], "公立大学法人清瀬看護大学", "school");
    expect(changed[0].split?.parts.map((p) => p.kind)).toEqual(["university", "university", "school"]);
    expect(changed[1].partnerKind).toBe("school");
    // An existing partner's kind is its own: never changed by an import.
    expect(withPartnerKind([universities], "学校法人清瀬学園清瀬北大学", "other")[0].split?.parts[1].kind).toBe("university");
  });
});

describe("an agreement with several partners across the year", () => {
  const joint = { id: 1, partner: { id: 10, title: "清瀬工業大学" }, coPartners: [{ id: 11, title: "清瀬北大学" }, { id: 12, title: "清瀬看護大学" }], status: "concluded" };
  const single = { id: 2, partner: { id: 20, title: "株式会社みらい電機" }, coPartners: [], status: "concluded" };
  const item = (id: number, agreement: number, itemNo: number, text: string): PartnershipItem => ({ id, etag: "", modified: "", agreement: { id: agreement, title: "" }, itemNo, text });
  const items = [item(101, 1, 1, "教育に関すること"), item(102, 1, 2, "研究に関すること"), item(201, 2, 1, "防災に関すること")];

  test("its partners, first named first, each once; the names as a register writes them", () => {
    expect(agreementPartners(joint).map((p) => p.id)).toEqual([10, 11, 12]);
    expect(agreementPartners({ partner: joint.partner, coPartners: [joint.partner, ...joint.coPartners] }).map((p) => p.id)).toEqual([10, 11, 12]);
    expect(partnerNamesText(joint)).toBe("清瀬工業大学、清瀬北大学及び清瀬看護大学");
    expect(partnerNamesText({ partner: joint.partner, coPartners: [joint.coPartners[0]] })).toBe("清瀬工業大学及び清瀬北大学");
    expect(partnerNamesText(single)).toBe("株式会社みらい電機");
    expect(isPartnerOf(joint, 12)).toBe(true);
    expect(isPartnerOf(joint, 20)).toBe(false);
  });

  test("Form 1 and Form 2: every partner of the agreement may propose on, and be proposed, its items", () => {
    const m = itemsByPartner([joint, single], items);
    for (const id of [10, 11, 12]) expect(m.get(id)?.map((i) => i.id)).toEqual([101, 102]);
    expect(m.get(20)?.map((i) => i.id)).toEqual([201]);
    // Not yet concluded: nobody proposes on it.
    expect(itemsByPartner([{ ...joint, status: "surveying" }], items).size).toBe(0);
  });

  const result = (id: number, partner: number, fy: number, itemId: number | null): ResultReport =>
    ({ id, etag: "", title: "", fiscalYear: fy, partner: { id: partner, title: "" }, partnershipItem: itemId ? { id: itemId, title: "" } : null, status: "submitted" }) as unknown as ResultReport;

  test("results: each partner counted as itself; the review's look-back counts all the agreement's partners", () => {
    const results = [result(1, 10, 2024, 101), result(2, 11, 2024, 102), result(3, 12, 2025, 101), result(4, 20, 2025, 201)];
    const lb = lookBackSummary(results, items.slice(0, 2), [10, 11, 12], "2027-04-01");
    expect(lb.total).toBe(3);
    expect(lb.perItem.map((p) => p.total)).toEqual([2, 1]);
    expect(lookBackSummary(results, items.slice(0, 2), 11, "2027-04-01").total).toBe(1);
    const totals = yearTotals(results, items, [joint, single]);
    expect(totals.byPartner.map((r) => [r.key, r.count])).toEqual(expect.arrayContaining([[10, 1], [11, 1], [12, 1], [20, 1]]));
    // An item of the joint agreement is named with all its partners (the same words recur elsewhere).
    expect(totals.byItem.find((r) => r.key === 101)?.label).toBe("教育に関すること（清瀬工業大学、清瀬北大学及び清瀬看護大学）");
  });
});

import { roleFromGroups } from "../../src/domain/roles";
import { resolveDepartment } from "../../src/domain/departments";
import { matchesSearch, normalizeForSearch } from "../../src/domain/text";
import { countBy } from "../../src/domain/totals";
import { itemCountByAgreement, visibleAgreements } from "../../src/domain/agreements";
import type { Agreement, Department, PartnershipItem } from "../../src/domain/types";

const names = { coordinators: "C", members: "M", visitors: "V", departmentPrefix: "Dept " };

test("roles from groups: the most capable wins; department codes from department groups", () => {
  expect(roleFromGroups(["M", "C"], names)).toEqual({ role: "coordinator", departmentCodes: [] });
  expect(roleFromGroups(["M", "Dept kodomo", "Dept bosai"], names)).toEqual({ role: "member", departmentCodes: ["kodomo", "bosai"] });
  expect(roleFromGroups(["Other"], names).role).toBe("visitor");
});

const dept = (id: number, code: string, teamId = "", channelId = "", active = true): Department =>
  ({ id, code, teamId, channelId, active, title: code }) as Department;

describe("which department a portal shows", () => {
  const depts = [dept(1, "a", "T1", "C1"), dept(2, "b", "T1", "C2"), dept(3, "c"), dept(4, "old", "T9", "C9", false)];
  test("Teams channel first, then team", () => {
    expect(resolveDepartment(depts, { teamId: "T1", channelId: "C2", configuredCode: "c" })?.id).toBe(2);
    expect(resolveDepartment(depts, { teamId: "T1", channelId: "C7" })?.id).toBe(1);
  });
  test("then the configured code, then the user's departments; inactive ones never", () => {
    expect(resolveDepartment(depts, { teamId: "T5", configuredCode: "c" })?.id).toBe(3);
    expect(resolveDepartment(depts, { userCodes: ["zz", "b"] })?.id).toBe(2);
    expect(resolveDepartment(depts, { teamId: "T9", userCodes: ["old"] })).toBeNull();
  });
});

describe("search text for Japanese", () => {
  test("full-width/half-width, kana and case fold together", () => {
    expect(normalizeForSearch("ＡＢＣ ｶﾌﾞｼｷ")).toBe("abc かぶしき");
    expect(matchesSearch(["株式会社ミライデンキ"], "みらい")).toBe(true);
    expect(matchesSearch(["O'Hara 食品"], "o'hara")).toBe(true);
    expect(matchesSearch(["清瀬"], "")).toBe(true);
    expect(matchesSearch([null, undefined], "x")).toBe(false);
  });
});

test("counts per lookup, largest first, ties in Japanese order", () => {
  const rows = [{ p: { id: 1, title: "い" } }, { p: { id: 2, title: "あ" } }, { p: { id: 1, title: "い" } }, { p: null }, { p: { id: 3, title: "う" } }];
  expect(countBy(rows, (r) => r.p)).toEqual([
    { key: 1, label: "い", count: 2 },
    { key: 2, label: "あ", count: 1 },
    { key: 3, label: "う", count: 1 },
  ]);
});

test("departments and visitors see concluded agreements only", () => {
  const a = (id: number, status: Agreement["status"]): Agreement => ({ id, status }) as Agreement;
  const all = [a(1, "concluded"), a(2, "approached"), a(3, "declined"), a(4, "underReview")];
  expect(visibleAgreements("coordinator", all)).toHaveLength(4);
  expect(visibleAgreements("member", all).map((x) => x.id)).toEqual([1, 4]);
  const items = [{ agreement: { id: 1, title: "" } }, { agreement: { id: 1, title: "" } }, { agreement: null }] as PartnershipItem[];
  expect(itemCountByAgreement(items).get(1)).toBe(2);
});

test("rows split into parts each within the budget, in order, deterministically", async () => {
  const { splitForBudget, shorten } = await import("../../src/domain/teamsMessages");
  const rows = Array.from({ length: 10 }, (_, i) => i);
  const size = (chunk: number[]) => 100 + chunk.length * 50;
  expect(splitForBudget(rows, size, 1000)).toEqual([rows]);
  const parts = splitForBudget(rows, size, 300);
  expect(parts).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
  expect(parts.every((p) => size(p) <= 300)).toBe(true);
  expect(splitForBudget(rows, size, 300)).toEqual(parts);
  // A row too large alone is a part of its own.
  expect(splitForBudget([1, 2], (c) => c.length * 500, 300)).toEqual([[1], [2]]);
  expect(shorten("あいうえおかきくけこ", 6, "（続き）")).toBe("あ…（続き）");
  expect(shorten("短い", 6, "（続き）")).toBe("短い");
});

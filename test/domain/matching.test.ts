import { bigrams, concernedDepartments, move, normalizeForMatching, renumber, rowsFor, similarity, suggestMatches } from "../../src/domain/matching";
import { feedbackCard, feedbackHtml } from "../../src/domain/teamsMessages";
import type { CityProposal, Matching, PartnerProposal } from "../../src/domain/types";

test("Japanese without spaces: width and kana fold, punctuation ignored", () => {
  expect(normalizeForMatching("親子　料理・教室！ＡＢＣｶﾀｶﾅ")).toBe("親子料理教室abcかたかな");
  expect(similarity("親子料理教室", "親子で料理教室")).toBeGreaterThan(0.7);
  expect(similarity("防災キャンプ", "防災ｷｬﾝﾌﾟ")).toBe(1); // half-width katakana folds
  expect(similarity("防災キャンプ", "ﾎﾞｳｻｲｷｬﾝﾌﾟ")).toBe(0.5); // the reading of 防災 is not guessed
  expect(similarity("ＡＢＣ講座", "ABC講座")).toBe(1);
  expect(similarity("防災訓練", "子育て支援")).toBe(0);
  expect(similarity("", "何か")).toBe(0);
  expect(similarity("𠮷", "𠮷")).toBe(1);
  expect([...bigrams("𠮷野家").keys()]).toEqual(["𠮷野", "野家"]);
});

const pp = (id: number, partner: number, item: number | null, title: string, content = ""): PartnerProposal =>
  ({ id, partner: { id: partner, title: "" }, partnershipItem: item ? { id: item, title: "" } : null, title, content }) as PartnerProposal;
const cp = (id: number, partner: number, item: number | null, title: string, answer: CityProposal["partnerAnswer"] = "can", content = ""): CityProposal =>
  ({ id, partner: { id: partner, title: "" }, partnershipItem: item ? { id: item, title: "" } : null, title, content, partnerAnswer: answer, status: "submitted", answersProposal: null }) as CityProposal;

test("suggestions: same partner and item first, then similar text; other partners and 否 never", () => {
  const s = suggestMatches(
    [pp(1, 10, 100, "親子料理教室", "地元野菜を使った料理"), pp(2, 10, 101, "防災キャンプ")],
    [cp(11, 10, 100, "子育て広場での講座"), cp(12, 10, 102, "親子で料理教室をひらく"), cp(13, 20, 100, "親子料理教室"), cp(14, 10, 100, "親子料理教室", "cannot"), cp(15, 10, 101, "", "discuss")],
  );
  expect(s.map((x) => [x.partnerProposal.id, x.cityProposal.id, x.reasons])).toEqual([
    [1, 11, ["samePartnerAndItem"]],
    [2, 15, ["samePartnerAndItem"]],
    [1, 12, ["samePartner", "similarText"]],
  ]);
  expect(s[0].score).toBeGreaterThanOrEqual(60);
  expect(s[2].score).toBeLessThan(60);
  expect(suggestMatches([pp(1, 10, 100, "a")], [cp(11, 10, 100, "b")], new Set(["1:11"]))).toEqual([]);
});

test("numbering stays gap-free when rows move or go", () => {
  const rows = [{ id: 5, rowNo: 1 }, { id: 6, rowNo: 2 }, { id: 7, rowNo: 3 }];
  expect(move(rows, 7, -1).map((r) => r.id)).toEqual([5, 7, 6]);
  expect(move(rows, 5, -1)).toBe(rows);
  expect(renumber(move(rows, 7, -1))).toEqual([{ id: 7, rowNo: 2 }, { id: 6, rowNo: 3 }]);
  expect(renumber(rows.filter((r) => r.id !== 5))).toEqual([{ id: 6, rowNo: 1 }, { id: 7, rowNo: 2 }]);
});

test("rows and departments an edition concerns", () => {
  const all = [{ id: 1, title: "A" }, { id: 2, title: "B" }, { id: 3, title: "C" }];
  const rows = [{ allDepartments: false, targetDepartments: [all[1]] }, { allDepartments: false, targetDepartments: [all[2], all[1]] }] as Matching[];
  expect(concernedDepartments(rows, all).map((d) => d.id)).toEqual([2, 3]);
  expect(concernedDepartments([...rows, { allDepartments: true, targetDepartments: [] } as unknown as Matching], all)).toHaveLength(3);
  expect(rowsFor(rows, 3)).toHaveLength(1);
});

test("a post carries the list once: the card lists the rows, the message text counts them and escapes user text", () => {
  const input = { editionTitle: "2026年度 第2回", issuedDateText: "令和8年11月24日", departmentName: "子育て支援課<i>", portalUrl: "https://contoso.sharepoint.com/sites/p/SitePages/Portal.aspx", message: "<b>至急</b>", rows: [{ rowNo: 1, title: "<img src=x onerror=alert(1)>", content: "あ".repeat(300), partner: "O'Hara [食品](http://evil)", contact: "担当 a@b.jp" }, { rowNo: 2, title: "二件目の提案", content: "内容", partner: "B社", contact: "" }] };
  const labels = { heading: "フィードバック", intro: "届きました", no: "No.", title: "件名", content: "内容", partner: "企業等", contact: "連絡先", open: "開く", answer: "企業等の回答", count: "関係する提案は {0} 件です。" };
  const html = feedbackHtml(input, labels);
  expect(html).not.toMatch(/<img|<b>|<i>|<table|<th/);
  expect(html).toContain("子育て支援課&lt;i&gt;");
  expect(html).toContain("&lt;b&gt;至急&lt;/b&gt;");
  expect(html).toContain("関係する提案は 2 件です。");
  // The rows are not in the message text: they are in the card, once.
  expect(html).not.toContain("二件目の提案");
  const cardObj = feedbackCard(input, labels);
  const card = JSON.stringify(cardObj);
  expect(card.split("二件目の提案").length - 1).toBe(2); // the card's row, and its fallbackText for a client that cannot draw it
  expect(String(cardObj.fallbackText)).toContain("No.2 二件目の提案");
  expect(card).toContain("\\\\[食品\\\\]\\\\(http://evil\\\\)");
  expect(card).toContain("…");
  expect(JSON.parse(card).actions[0].url).toBe(input.portalUrl);
  expect(JSON.parse(JSON.stringify(feedbackCard({ ...input, portalUrl: "javascript:alert(1)" }, labels))).actions).toEqual([]);
  expect(feedbackHtml({ ...input, portalUrl: "javascript:alert(1)" }, labels)).not.toContain("href");
  // The partner's answer to the city's proposal travels with the row (issue 18 item 3), in the card.
  const answered = { ...input, rows: [{ ...input.rows[0], answer: "可：講師を2名派遣できます<script>" }] };
  expect(JSON.stringify(feedbackCard(answered, labels))).toContain("企業等の回答: 可：講師を2名派遣できます<script\\\\>");
  expect(feedbackHtml(answered, labels)).not.toContain("講師を2名");
});

test("a feedback row's partner answer: the answer and its comment from the city proposal it came from, or nothing", async () => {
  const { rowAnswerText } = await import("../../src/domain/matching");
  const labels = { can: "可", cannot: "不可", discuss: "要協議" };
  const answer = rowAnswerText([{ id: 5, partnerAnswer: "can", answerComment: "講師を派遣できます" }, { id: 6, partnerAnswer: "pending", answerComment: "" }] as never, labels);
  expect(answer({ cityProposal: { id: 5, title: "" } } as never)).toBe("可：講師を派遣できます");
  expect(answer({ cityProposal: { id: 6, title: "" } } as never)).toBe("");
  expect(answer({ cityProposal: null } as never)).toBe("");
});

test("Form 3 candidates: pairs, then answered city proposals alone, then partner proposals with no city counterpart (issue 33, point 2)", async () => {
  const { matchingCandidates } = await import("../../src/domain/matching");
  const withDept = (c: CityProposal, dept: number): CityProposal => ({ ...c, department: { id: dept, title: `部署${dept}` } });
  const pps = [pp(1, 10, 100, "親子料理教室"), pp(2, 20, 200, "健康ウォーキング"), pp(3, 30, null, "出前授業")];
  const cps = [withDept(cp(11, 10, 100, "子育て広場での講座"), 5), withDept(cp(12, 40, null, "防災訓練への協力", "discuss"), 6), withDept(cp(13, 40, null, "空き店舗の活用", "cannot"), 7), withDept(cp(14, 40, null, "回答待ち", "pending"), 7)];
  const all = matchingCandidates(pps, cps, []);
  expect(all.map((c) => [c.kind, c.key])).toEqual([
    ["pair", "1:11"],
    ["cityProposal", "cp:11"],
    ["cityProposal", "cp:12"],
    ["partnerProposal", "pp:2"],
    ["partnerProposal", "pp:3"],
  ]);
  // 不可 and unanswered city proposals are never candidates; a partner proposal with a pair offered is not offered alone.
  expect(all.some((c) => c.key === "cp:13" || c.key === "cp:14" || c.key === "pp:1")).toBe(false);
  // Once the pair is in a row, its city proposal is used (not offered alone); the partner proposal neither.
  const afterPair = matchingCandidates(pps, cps, [{ partnerProposal: { id: 1, title: "" }, cityProposal: { id: 11, title: "" } }]);
  expect(afterPair.map((c) => c.key)).toEqual(["cp:12", "pp:2", "pp:3"]);
  // Rejecting the pair offers the partner proposal alone; rejected singles are not offered again.
  expect(matchingCandidates(pps, cps, [], new Set(["1:11", "cp:12", "pp:3"])).map((c) => c.key)).toEqual(["cp:11", "pp:1", "pp:2"]);
  // Both proposals fed back alone in an earlier edition: the pair is still offered (it says who meets whom), neither alone.
  expect(matchingCandidates(pps, cps, [{ partnerProposal: null, cityProposal: { id: 11, title: "" } }, { partnerProposal: { id: 1, title: "" }, cityProposal: null }]).map((c) => c.key)).toEqual(["1:11", "cp:12", "pp:2", "pp:3"]);
});

test("a candidate's row: departments from the city proposal; a partner proposal alone names none, so the coordinator must choose", async () => {
  const { candidateRow, matchingCandidates, targetsChosen } = await import("../../src/domain/matching");
  const c = { ...cp(11, 10, 100, "子育て広場での講座", "can", "月1回"), department: { id: 5, title: "子育て支援課" } } as CityProposal;
  const [pair, single, alone] = matchingCandidates([pp(1, 10, 100, "親子料理教室", "地元野菜"), pp(2, 20, null, "健康講座", "年2回")], [c], []);
  expect(candidateRow(pair)).toMatchObject({ title: "親子料理教室", content: "地元野菜\n子育て広場での講座: 月1回", partner: { id: 10 }, partnerProposal: { id: 1 }, cityProposal: { id: 11 }, targets: { allDepartments: false, targetDepartments: [{ id: 5, title: "子育て支援課" }] } });
  expect(candidateRow(single)).toMatchObject({ title: "子育て広場での講座", content: "月1回", partnerProposal: null, cityProposal: { id: 11 }, targets: { allDepartments: false, targetDepartments: [{ id: 5 }] } });
  expect(candidateRow(alone)).toMatchObject({ title: "健康講座", content: "年2回", partner: { id: 20 }, cityProposal: null, targets: null });
  expect(targetsChosen(null)).toBe(false);
  expect(targetsChosen({ allDepartments: false, targetDepartments: [] })).toBe(false);
  expect(targetsChosen({ allDepartments: true, targetDepartments: [] })).toBe(true);
  expect(targetsChosen({ allDepartments: false, targetDepartments: [{ id: 5, title: "" }] })).toBe(true);
});

import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { AgreementService } from "../../src/data/services/AgreementService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { DataError } from "../../src/data/contracts";
import type { Partner } from "../../src/domain/types";

/** The agreement's whole story through the service, against the local backend. */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function serviceAs(userId: number): Promise<AgreementService> {
  const data = t.dataAs(userId);
  return new AgreementService(data, await data.currentUser(), TODAY);
}


const partnerDraft = (name: string): Omit<Partner, "id" | "etag" | "modified"> => ({
  name,
  kana: "",
  kind: "company",
  address: "",
  contactName: "担当 一郎",
  contactEmail: "tanto@example.co.jp",
  contactPhone: "03-1234-5678",
  website: "",
});

test("the partner-initiated path: approach, briefing and survey, answers, conclusion, reviews", async () => {
  const coord = await serviceAs(7);
  const data = t.dataAs(7);

  // Partners: a near-duplicate name is refused with the existing name.
  const partner = await coord.savePartner(partnerDraft("株式会社さくら食品'試験'"));
  const dup = (await refusal(coord.savePartner(partnerDraft("(株)サクラ食品'試験'")))) as RuleError;
  expect(dup.problems).toEqual([{ field: "name", code: "duplicate", other: "株式会社さくら食品'試験'" }]);

  // The approach, with its items.
  const bad = (await refusal(coord.start({ title: "", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-02-30", proposedContent: "x" }, []))) as RuleError;
  expect(bad.problems.map((p) => p.code)).toEqual(["required", "invalidDate", "itemsRequired"]);
  const a0 = await coord.start(
    { title: "清瀬市と株式会社さくら食品との包括連携協定", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-10-01", proposedContent: "<script>alert(1)</script> 食育と地産地消" },
    ["食育に関すること", "地産地消に関すること", ""],
  );
  expect(a0.status).toBe("approached");
  let story = await coord.story(a0.id);
  expect(story.items.map((i) => [i.itemNo, i.text])).toEqual([
    [1, "食育に関すること"],
    [2, "地産地消に関すること"],
  ]);
  expect(story.agreement.proposedContent).toBe("<script>alert(1)</script> 食育と地産地消");

  // Items stay editable until conclusion: reorder, change, add.
  await coord.saveItems(story.agreement, story.items, ["地産地消に関すること", "食育に関すること", "健康づくりに関すること"]);
  story = await coord.story(a0.id);
  expect(story.items.map((i) => i.text)).toEqual(["地産地消に関すること", "食育に関すること", "健康づくりに関すること"]);

  // Concluding an approach before the survey is refused.
  const early = (await refusal(coord.conclude(story.agreement, { concludedDate: "2026-11-01", termStart: "2026-11-01", signedPdf: { name: "a.pdf", size: 10, isPdf: true } }, { name: "a.pdf", bytes: new Uint8Array([37, 80, 68, 70, 45]) }))) as RuleError;
  expect(early.problems).toEqual([{ field: "status", code: "surveyFirst" }]);

  // Briefing and survey to two departments; launching twice adds nothing twice.
  const depts = await data.departments.list();
  const kosodate = depts.find((d) => d.code === "kodomo-kosodate")!;
  const bosai = depts.find((d) => d.code === "somu-bosai")!;
  const launch = { briefingDate: "2026-11-10", briefingPlace: "本庁舎 4階 会議室", briefingDepartmentIds: [kosodate.id, bosai.id], deadline: "2026-12-11", departmentIds: [kosodate.id, bosai.id] };
  await coord.launchSurvey(story.agreement, story.items, launch);
  story = await coord.story(a0.id);
  await coord.launchSurvey(story.agreement, story.items, launch);
  story = await coord.story(a0.id);
  expect(story.agreement.status).toBe("surveying");
  expect(story.survey).toHaveLength(6);

  // Each department answers its own rows, and only its own.
  const member = await serviceAs(11);
  const mine = story.survey.filter((r) => r.department?.id === kosodate.id);
  const theirs = story.survey.filter((r) => r.department?.id === bosai.id);
  const no = (rows: typeof mine): Map<number, { feasible: boolean | null; projectIdeas: string; comment: string }> => new Map(rows.map((r) => [r.id, { feasible: false, projectIdeas: "", comment: "" }]));
  expect((await refusal(member.answerSurvey(theirs, no(theirs)))).constructor.name).toBe("DataError");
  // 可能性あり／なし is a choice to make: one left open refuses the whole answer (never read as なし).
  const unchosen = (await refusal(member.answerSurvey(mine, new Map(mine.map((r, i) => [r.id, { feasible: i === 0 ? true : null, projectIdeas: "", comment: "" }]))))) as RuleError;
  expect(unchosen.problems).toEqual(mine.slice(1).map((r) => ({ field: `feasible:${r.id}`, code: "required" })));
  expect((await coord.story(a0.id)).survey.filter((r) => r.department?.id === kosodate.id).every((r) => r.status === "requested")).toBe(true);
  await member.answerSurvey(mine, new Map(mine.map((r, i) => [r.id, { feasible: i === 0, projectIdeas: i === 0 ? "親子料理教室" : "", comment: "" }])));
  const bosaiService = await serviceAs(12);
  const theirsFresh = (await coord.story(a0.id)).survey.filter((r) => r.department?.id === bosai.id);
  await bosaiService.answerSurvey(theirsFresh, no(theirsFresh));
  story = await coord.story(a0.id);
  expect(story.survey.every((r) => r.status === "answered")).toBe(true);

  // While the survey is open, a department revises its answer: the same rows, in the same folder, changed.
  const answered = await member.surveyRowsNow(mine);
  await member.answerSurvey(answered, new Map(answered.map((r, i) => [r.id, { feasible: i !== 0, projectIdeas: i === 1 ? "地場野菜の出前授業" : "", comment: "修正" }])));
  const revised = (await coord.story(a0.id)).survey.filter((r) => r.department?.id === kosodate.id).sort((x, y) => x.id - y.id);
  expect(revised.map((r) => r.id)).toEqual(mine.map((r) => r.id).sort((x, y) => x - y));
  expect(revised.map((r) => [r.id === mine[0].id ? !r.feasible : r.feasible, r.status, r.comment, r.folder])).toEqual(revised.map(() => [true, "answered", "修正", answered[0].folder]));
  // Still counted where they belong (a row out of place would be left out of the story).
  story = await coord.story(a0.id);
  expect(story.survey).toHaveLength(6);

  // Conclusion: not before the approach, a real PDF, then attached and dated.
  const pdf = new TextEncoder().encode("%PDF-1.4 signed");
  const before = (await refusal(coord.conclude(story.agreement, { concludedDate: "2026-09-30", termStart: "2026-09-30", signedPdf: { name: "協定書.pdf", size: pdf.length, isPdf: true } }, { name: "協定書.pdf", bytes: pdf }))) as RuleError;
  expect(before.problems).toEqual([{ field: "concludedDate", code: "beforeApproach" }]);
  await coord.conclude(story.agreement, { concludedDate: "2026-11-20", termStart: "2026-12-01", signedPdf: { name: "協定書.pdf", size: pdf.length, isPdf: true } }, { name: "協定書.pdf", bytes: pdf });
  story = await coord.story(a0.id);
  expect(story.agreement).toMatchObject({ status: "concluded", concludedDate: "2026-11-20", termStart: "2026-12-01", nextReviewDate: "2029-11-20" });
  expect(story.attachments.map((f) => f.fileName)).toEqual(["協定書.pdf"]);
  expect(story.terms.map((x) => [x.termNo, x.termFrom, x.termTo])).toEqual([[1, "2026-12-01", null]]);

  // The survey closed with the decision: a department's revision is refused.
  const late = await member.surveyRowsNow(mine);
  expect(((await refusal(member.answerSurvey(late, no(late)))) as RuleError).problems).toEqual([{ field: "status", code: "surveyClosed" }]);

  // Items are locked now.
  expect(((await refusal(coord.saveItems(story.agreement, story.items, ["x"]))) as RuleError).problems[0].code).toBe("itemsLocked");

  // Review with no objection: renewed, next review three years on, a new term.
  await coord.recordReview(story.agreement, story.terms, { reviewDate: "2029-11-10", outcome: "renewed", objectionBy: "none", objectionDetail: "", lookBack: "3年間で6件" });
  story = await coord.story(a0.id);
  expect(story.agreement).toMatchObject({ status: "concluded", nextReviewDate: "2032-11-20" });
  expect(story.reviews.map((r) => [r.outcome, r.dueDate, r.nextReviewDate])).toEqual([["renewed", "2029-11-20", "2032-11-20"]]);
  expect(story.terms.map((x) => [x.termNo, x.termFrom, x.termTo])).toEqual([
    [1, "2026-12-01", "2029-11-19"], // the term ends the day before the review that renews it
    [2, "2029-11-20", null],
  ]);

  // An objection needs who and what; then it is resolved by termination.
  const noWho = (await refusal(coord.recordReview(story.agreement, story.terms, { reviewDate: "2032-11-01", outcome: "objection", objectionBy: "none", objectionDetail: "", lookBack: "" }))) as RuleError;
  expect(noWho.problems.map((p) => p.field)).toEqual(["objectionBy", "objectionDetail"]);
  await coord.recordReview(story.agreement, story.terms, { reviewDate: "2032-11-01", outcome: "objection", objectionBy: "partner", objectionDetail: "事業方針の変更", lookBack: "" });
  story = await coord.story(a0.id);
  expect(story.agreement.status).toBe("underReview");
  await coord.recordReview(story.agreement, story.terms, { reviewDate: "2032-12-01", outcome: "terminated", objectionBy: "partner", objectionDetail: "協議の結果、終了", lookBack: "" });
  story = await coord.story(a0.id);
  expect(story.agreement).toMatchObject({ status: "terminated", termEnd: "2032-12-01", nextReviewDate: null });

  // The whole story is in the timeline, newest first, with who did it.
  expect(story.timeline.map((e) => e.title).reverse()).toEqual([
    "打診を登録",
    "連携事項を変更",
    "庁内説明会・庁内調査を開始",
    "庁内説明会・庁内調査を開始",
    "庁内調査に回答（子ども家庭部 子育て支援課）",
    "庁内調査に回答（総務部 防災防犯課）",
    "庁内調査の回答を修正（子ども家庭部 子育て支援課）",
    "協定を締結",
    "見直し：自動更新",
    "見直し：疑義あり",
    "見直し：終了",
  ]);
  expect(story.timeline.find((e) => e.title === "協定を締結")?.actor?.title).toBe("未来 花子");
}, 30000);

test("two coordinators register the same new partner at once: the list's unique name refuses the second, worded at the name", async () => {
  const [one, two] = [await serviceAs(7), await serviceAs(7)];
  // Both read the partners before either adds: the rule check passes for both, SharePoint refuses one.
  const results = await Promise.allSettled([one.savePartner(partnerDraft("同時登録試験株式会社")), two.savePartner(partnerDraft("同時登録試験株式会社"))]);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(refused?.reason).toBeInstanceOf(RuleError);
  expect((refused?.reason as RuleError).problems).toEqual([{ field: "name", code: "duplicate", other: "同時登録試験株式会社" }]);
  expect((await one.register()).partners.filter((p) => p.name === "同時登録試験株式会社")).toHaveLength(1);
});

test("declining needs a reason; a declined agreement stays in the register and cannot be concluded", async () => {
  const coord = await serviceAs(7);
  const partner = await coord.savePartner(partnerDraft("見送り試験株式会社"));
  const a = await coord.start({ title: "見送りの協定", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "販売促進" }, ["販売促進に関すること"]);
  expect(((await refusal(coord.decline(a, " ", TODAY))) as RuleError).problems).toEqual([{ field: "declinedReason", code: "required" }]);
  await coord.decline(a, "市のまちづくりの方向性と合致しないため", TODAY);
  const story = await coord.story(a.id);
  expect(story.agreement.status).toBe("declined");
  const reg = await coord.register();
  expect(reg.agreements.find((x) => x.id === a.id)?.declinedReason).toBe("市のまちづくりの方向性と合致しないため");
  expect(((await refusal(coord.decline(story.agreement, "again", TODAY))) as RuleError).problems[0].code).toBe("finalState");
});

test("two coordinators edit the same agreement: the second save is a conflict and nothing is overwritten", async () => {
  const one = await serviceAs(7);
  const two = await serviceAs(7);
  const [a] = (await one.register()).agreements.filter((x) => x.status === "surveying");
  const seenByTwo = (await two.story(a.id)).agreement;
  await one.saveBasics(a, { briefingPlace: "第1会議室" });
  const e = (await refusal(two.saveBasics(seenByTwo, { briefingPlace: "第2会議室" }))) as DataError;
  expect(e.kind).toBe("conflict");
  expect((await one.story(a.id)).agreement.briefingPlace).toBe("第1会議室");
});

test("departments and visitors cannot change agreements", async () => {
  const member = await serviceAs(11);
  const [a] = (await member.register()).agreements;
  expect(((await refusal(member.saveBasics(a, { title: "x" }))) as DataError).kind).toBe("forbidden");
  expect(((await refusal(member.savePartner(partnerDraft("x")))) as DataError).kind).toBe("forbidden");
});

test("a city-initiated agreement records who asked and may be concluded directly", async () => {
  const coord = await serviceAs(7);
  const partner = await coord.savePartner(partnerDraft("市発意試験大学"));
  const depts = await t.dataAs(7).departments.list();
  expect(((await refusal(coord.start({ title: "市から", origin: "city", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: null, proposedContent: "" }, ["教育に関すること"]))) as RuleError).problems).toEqual([
    { field: "requestedBy", code: "requesterRequired" },
  ]);
  const a = await coord.start({ title: "市から", origin: "city", partnerId: partner.id, requestedByDepartmentId: depts[10].id, requestedByExecutives: false, approachDate: null, proposedContent: "" }, ["教育に関すること"]);
  const pdf = new TextEncoder().encode("%PDF-1.7");
  await coord.conclude(a, { concludedDate: "2026-11-24", termStart: "2026-11-24", signedPdf: { name: "signed.pdf", size: 8, isPdf: true } }, { name: "signed.pdf", bytes: pdf });
  const s = await coord.story(a.id);
  expect(s.agreement).toMatchObject({ status: "concluded", requestedByDepartment: { id: depts[10].id }, nextReviewDate: "2029-11-24" });
});

test("bad input is refused with field problems and stores nothing; markup is kept as plain text", async () => {
  const coord = await serviceAs(7);
  const data = t.dataAs(7);
  const before = (await data.agreements.list()).length;
  const long = (await refusal(
    coord.start({ title: "長".repeat(300), origin: "city", partnerId: 1, requestedByDepartmentId: null, requestedByExecutives: true, approachDate: null, proposedContent: "x".repeat(100000) }, ["教育に関すること"]),
  )) as DataError;
  expect(long.kind).toBe("validation");
  expect(long.problems).toEqual([
    { prop: "title", code: "tooLong", limit: 255 },
    { prop: "proposedContent", code: "tooLong", limit: 8000 },
  ]);
  expect((await data.agreements.list()).length).toBe(before);

  const hostile = `<script>alert('x')</script><img src=x onerror=alert(1)> O'Reilly 𠮷野 葛󠄀飾 🎌`;
  const a = await coord.start({ title: hostile, origin: "city", partnerId: 1, requestedByDepartmentId: null, requestedByExecutives: true, approachDate: null, proposedContent: hostile }, [hostile]);
  const s = await coord.story(a.id);
  expect(s.agreement.title).toBe(hostile);
  expect(s.items[0].text).toBe(hostile);
});

test("starting a survey tells each department asked in its channel, once; 督促 goes only to those that have not answered", async () => {
  const { NotificationService, NOT_MEMBER } = await import("../../src/data/services/NotificationService");
  const { GraphTeamsNotifier } = await import("../../src/data/graph/GraphTeamsNotifier");
  const { graphForUrl } = await import("../../src/data/graph/graphForUrl");
  const coord = await serviceAs(7);
  const data = t.dataAs(7);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const depts = await data.departments.list();
  const [kosodate, sangyo] = ["kodomo-kosodate", "shimin-sangyo"].map((c) => depts.find((d) => d.code === c)!);
  const partner = (await data.partners.list())[0];
  const a = await coord.start({ title: "通知テストの協定（案）", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "子育てと地域の防災" }, ["子育て支援に関すること"]);
  let story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-25", briefingPlace: "会議室", briefingDepartmentIds: [kosodate.id, sangyo.id], deadline: "2026-12-10", departmentIds: [kosodate.id, sangyo.id] });
  story = await coord.story(a.id);
  const count = async (): Promise<number> => ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: unknown[] }).value.length;
  const before = await count();
  const render = (d: { title: string }, reminder: boolean): string => `<p>${reminder ? "督促" : "依頼"}: ${d.title}</p>`;
  const notice = await coord.notifySurvey(story.agreement, depts, notifications, render);
  expect(Object.fromEntries(notice.map((n) => [n.department?.id, [n.kind, n.status]]))).toEqual({ [kosodate.id]: ["surveyNotice", "sent"], [sangyo.id]: ["surveyNotice", "failed"] });
  expect(notice.find((n) => n.department?.id === sangyo.id)?.error).toBe(NOT_MEMBER);
  await coord.notifySurvey(story.agreement, depts, notifications, render);
  expect(await count()).toBe(before + 1);
  // 子育て支援課 answers; the reminder goes to 産業振興課 only.
  const clerk = await serviceAs(11);
  const mine = (await clerk.surveyRowsNow(story.survey.filter((r) => r.department?.id === kosodate.id)));
  await clerk.answerSurvey(mine, new Map(mine.map((r) => [r.id, { feasible: true as boolean | null, projectIdeas: "親子講座", comment: "" }])));
  const reminder = await coord.notifySurvey(story.agreement, depts, notifications, render, true);
  expect(reminder.map((n) => [n.department?.id, n.kind])).toEqual([[sangyo.id, "surveyReminder"]]);
});

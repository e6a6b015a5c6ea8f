import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { CycleService, ImportRow } from "../../src/data/services/CycleService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { RuleError } from "../../src/data/services/ServiceBase";
import { DataError } from "../../src/data/contracts";

/** The yearly cycle's services against the local backend. */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

/** One call per form and year (issue 31): a test that opens its own call of a seeded form and year removes the one there first. */
async function withoutCall(form: string, fiscalYear: number): Promise<void> {
  const data = t.dataAs(7);
  const there = (await data.calls.list({ where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] })).filter((c) => c.form === form);
  for (const c of there) await data.calls.remove(c.id, c.etag);
}


async function as(userId: number): Promise<CycleService> {
  const data = t.dataAs(userId);
  return new CycleService(data, await data.currentUser(), TODAY);
}
const graphMessages = async (): Promise<unknown[]> => ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: unknown[] }).value;

test("a call's status board and reminders: one per owing department and day, failures recorded and retried", async () => {
  const coord = await as(7);
  const data = t.dataAs(7);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await coord.year(2026);
  // Two new departments that owe the call (one with a Teams channel, one without) and one that has submitted.
  const submitted = new Set(year.cityProposals.filter((p) => p.status === "submitted").map((p) => p.department?.id));
  const withChannel = await data.departments.add({ title: "市民環境部 観光課", code: "shimin-kanko", departmentName: "市民環境部", divisionName: "観光課", sectionName: "", teamId: "3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f607", channelId: "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.tacv2", isCoordinator: false, sortOrder: 140, active: true, groupLogin: "" });
  const withoutChannel = await data.departments.add({ title: "市民環境部 市民協働課", code: "shimin-kyodo", departmentName: "市民環境部", divisionName: "市民協働課", sectionName: "", teamId: "", channelId: "", isCoordinator: false, sortOrder: 130, active: true, groupLogin: "" });
  const done = year.departments.find((d) => submitted.has(d.id))!;
  const depts = [withChannel, withoutChannel, done];
  await withoutCall("form2", 2026);
  const call = await coord.openCall({ title: "2026年度 追加の提案（別紙②）", fiscalYear: 2026, form: "form2", deadline: "2026-12-10", message: "追加の提案をお願いします。", recipientDepartments: depts.map((d) => ({ id: d.id, title: d.title })), recipientPartners: [] });
  year = await coord.year(2026);

  const before = (await graphMessages()).length;
  t.backend.faults.set({ graph500: 1 });
  const first = await coord.remind(call, year, notifications, (d) => `<p>${d.title}: 未提出です</p>`);
  const byDept = Object.fromEntries(first.map((n) => [n.department?.title, n.status]));
  expect(byDept).toEqual({ [withChannel.title]: "failed", [withoutChannel.title]: "notConfigured" });
  expect((await graphMessages()).length).toBe(before);

  // Retry: the failed one is sent; clicking again the same day posts nothing more.
  const second = await coord.remind(call, year, notifications, (d) => `<p>${d.title}: 未提出です</p>`);
  expect(second.filter((n) => n.status === "sent")).toHaveLength(1);
  await coord.remind(call, year, notifications, (d) => `<p>${d.title}: 未提出です</p>`);
  expect((await graphMessages()).length).toBe(before + 1);
  const records = await data.notifications.list({ where: [{ prop: "kind", op: "eq", value: "callReminder" }] });
  const sent = records.find((n) => n.status === "sent")!;
  expect(sent.attempts).toBe(2);
  expect(sent.graphMessageId).toMatch(/^\d+$/);
});

test("a call's reminders take the feedback edition's path: a department whose team the coordinator has not joined is recorded with the reason and not posted; the intent is recorded before posting", async () => {
  const coord = await as(7);
  const data = t.dataAs(7);
  let year = await coord.year(2026);
  const sangyo = year.departments.find((d) => d.code === "shimin-sangyo")!;
  const kosodate = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  await withoutCall("form4", 2026);
  const call = await coord.openCall({ title: "2026年度 実績の追加報告（別紙④）", fiscalYear: 2026, form: "form4", deadline: "2026-12-20", message: "追加の実績をご報告ください。", recipientDepartments: [sangyo, kosodate].map((d) => ({ id: d.id, title: d.title })), recipientPartners: [] });
  year = await coord.year(2026);
  // A sender that never comes back: the intent is on record for both before any post.
  const stopped = new NotificationService(data, { joinedTeams: async () => (await new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)).joinedTeams()), postChannelMessage: () => new Promise(() => undefined) });
  void coord.remind(call, year, stopped, (d) => `<p>${d.title}</p>`);
  await new Promise((r) => setTimeout(r, 1000));
  const keys = (await data.notifications.list({ where: [{ prop: "kind", op: "eq", value: "callReminder" }] })).filter((n) => n.dedupeKey.startsWith(`reminder:call:${call.id}:`));
  expect(keys.map((n) => n.department?.id).sort()).toEqual([sangyo.id, kosodate.id].sort());
  // Not a member of 産業振興課's team: recorded with the reason, attempts 0, nothing posted there.
  const before = (await graphMessages()).length;
  const { NOT_MEMBER } = await import("../../src/data/services/NotificationService");
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const out = await coord.remind(call, year, notifications, (d) => `<p>${d.title}</p>`);
  const mine = out.find((n) => n.department?.id === sangyo.id)!;
  expect([mine.status, mine.error, mine.attempts]).toEqual(["failed", NOT_MEMBER, 0]);
  expect((await graphMessages()).length).toBe(before);
});

test("Form 1: the item must be of the partner's agreement; importing the same rows twice adds nothing twice", async () => {
  const coord = await as(7);
  let year = await coord.year(2026);
  const partner = year.partners.find((p) => p.name === "株式会社みらい電機")!;
  const items = year.itemsOfPartner.get(partner.id)!;
  const otherItem = year.itemsOfPartner.get(year.partners.find((p) => p.name === "清瀬北大学")!.id)![0];
  const base = { title: "防災キャンプ", fiscalYear: 2026, partner: { id: partner.id, title: partner.name }, content: "親子向けの防災キャンプ", timing: "anyTime" as const, call: null, receivedDate: TODAY, importKey: "" };
  expect(((await refusal(coord.addPartnerProposal({ ...base, partnershipItem: { id: otherItem.id, title: "" } }, year))) as RuleError).problems).toEqual([{ field: "partnershipItem", code: "itemNotInAgreement" }]);
  await coord.addPartnerProposal({ ...base, partnershipItem: { id: items[0].id, title: "" } }, year);

  const rows: ImportRow[] = [
    { rowNumber: 6, partnerName: "株式会社みらい電機", itemText: `第1号 ${items[0].text}`, title: "省エネ教室", content: "小学校で省エネ教室", timing: "startOfYear" },
    { rowNumber: 7, partnerName: "株式会社みらい電機", itemText: "観光振興に関すること", title: "x", content: "y", timing: "startOfYear" },
    { rowNumber: 8, partnerName: "存在しない株式会社", itemText: "防災に関すること", title: "x", content: "y", timing: "startOfYear" },
    { rowNumber: 9, partnerName: "株式会社みらい電機", itemText: items[1].text, title: "長い", content: "あ".repeat(10000), timing: "startOfYear" },
    { rowNumber: 10, partnerName: "株式会社みらい電機", itemText: items[1].text, title: "", content: "内容だけ", timing: "startOfYear" },
  ];
  const r1 = await coord.importPartnerProposals(rows, year, null);
  expect(r1).toEqual({
    imported: 1,
    duplicates: 0,
    errors: [
      { rowNumber: 7, code: "itemNotInAgreement", detail: "観光振興に関すること" },
      { rowNumber: 8, code: "unknownPartner", detail: "存在しない株式会社" },
      { rowNumber: 9, code: "tooLong", detail: "8000" },
      { rowNumber: 10, code: "required" },
    ],
  });
  year = await coord.year(2026);
  const r2 = await coord.importPartnerProposals(rows, year, null);
  expect(r2.imported).toBe(0);
  expect(r2.duplicates).toBe(1);
});

test("Form 2: a department edits its drafts until the deadline, submits into the year's folder (locked from then on); the answer is the coordinator's own list", async () => {
  const coord = await as(7);
  const member = await as(11);
  let year = await coord.year(2026);
  const mine = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const other = year.departments.find((d) => d.code === "somu-bosai")!;
  const partner = year.partners.find((p) => p.name === "東和生命保険株式会社")!;
  const item = year.itemsOfPartner.get(partner.id)![2];
  await withoutCall("form2", 2026);
  const call = await coord.openCall({ title: "2026年度 別紙②（追加）", fiscalYear: 2026, form: "form2", deadline: TODAY, message: "", recipientDepartments: [{ id: mine.id, title: mine.title }], recipientPartners: [] });
  year = await coord.year(2026);
  const draft = { title: "子育て世帯の保険教室", fiscalYear: 2026, department: { id: mine.id, title: mine.title }, partner: { id: partner.id, title: partner.name }, partnershipItem: { id: item.id, title: "" }, content: "保険の基礎を学ぶ教室", viewpoint: "comprehensivePlan" as const, answersProposal: null, status: "draft" as const, call: { id: call.id, title: "" }, sourceId: null };
  expect(((await refusal(member.saveCityProposal({ ...draft, department: { id: other.id, title: "" } }, year))) as DataError).kind).toBe("forbidden");
  const d1 = await member.saveCityProposal(draft, year);
  const d2 = await member.saveCityProposal({ ...draft, content: "保険の基礎を学ぶ教室（改）" }, year, d1);
  expect(d2).toMatchObject({ id: d1.id, status: "draft", content: "保険の基礎を学ぶ教室（改）", partnerAnswer: "pending" });

  // After the deadline a draft can no longer be changed; a reopened call lets it be changed again.
  const tomorrow = new CycleService(t.dataAs(11), await t.dataAs(11).currentUser(), "2026-11-25");
  const fresh = (await tomorrow.year(2026)).cityProposals.find((p) => p.id === d1.id)!;
  expect(((await refusal(tomorrow.saveCityProposal({ ...draft, content: "締切後" }, year, fresh))) as RuleError).problems).toEqual([{ field: "status", code: "deadlinePassed" }]);
  await coord.reopenCall(year.calls.find((c) => c.id === call.id)!, "2026-12-31");
  year = await tomorrow.year(2026);
  const submitted = await tomorrow.saveCityProposal({ ...draft, content: "再開後に修正して提出", status: "submitted" }, year, year.cityProposals.find((p) => p.id === d1.id));
  // Submitting copies the draft into the year's submission folder and deletes the draft.
  expect(submitted).toMatchObject({ status: "submitted", sourceId: d1.id, content: "再開後に修正して提出" });
  expect(submitted.id).not.toBe(d1.id);
  expect((await refusal(t.dataAs(7).cityProposals.get(d1.id))) as DataError).toMatchObject({ kind: "notFound" });
  const folder = t.backend.store.list("PD_CityProposals")!.items.get(submitted.id)!.folder;
  expect(folder).toBe("kodomo-kosodate-2026");
  // Once submitted, the department cannot change it (the product says so; SharePoint refuses the write itself).
  year = await tomorrow.year(2026);
  const sub = year.cityProposals.find((p) => p.id === submitted.id)!;
  expect(((await refusal(tomorrow.saveCityProposal({ ...draft, status: "submitted", content: "提出後の変更" }, year, sub))) as RuleError).problems).toEqual([{ field: "status", code: "submittedLocked" }]);
  expect((await refusal(t.dataAs(11).cityProposals.update(sub.id, sub.etag, { content: "提出後の変更" }))) as DataError).toMatchObject({ kind: "forbidden" });

  // The coordinator records the partner's answer (in ProposalAnswers); an answer import skips unchanged rows.
  let cy = await coord.year(2026);
  const now = cy.cityProposals.find((p) => p.id === submitted.id)!;
  expect(((await refusal(coord.recordAnswer(now, "pending", "", null))) as RuleError).problems.map((x) => x.field)).toEqual(["partnerAnswer", "answerDate"]);
  await coord.recordAnswer(now, "discuss", "時期を協議したい", "2026-12-01");
  cy = await coord.year(2026);
  const answered = cy.cityProposals.find((p) => p.id === submitted.id)!;
  expect(answered).toMatchObject({ partnerAnswer: "discuss", answerComment: "時期を協議したい", answerDate: "2026-12-01" });
  expect(await t.dataAs(7).proposalAnswers.list({ where: [{ prop: "proposalId", op: "eq", value: submitted.id }] })).toHaveLength(1);
  const rep = await coord.importAnswers(
    [
      { rowNumber: 5, proposalId: submitted.id, answer: "discuss", comment: "時期を協議したい", answerDate: "2026-12-01" },
      { rowNumber: 6, proposalId: 999999, answer: "can", comment: "", answerDate: "2026-12-01" },
    ],
    [answered],
  );
  expect(rep).toEqual({ imported: 0, duplicates: 1, errors: [{ rowNumber: 6, code: "unknownProposal", detail: "999999" }] });
  // A changed answer updates the one answer row; it is never a second row.
  const rep2 = await coord.importAnswers([{ rowNumber: 5, proposalId: submitted.id, answer: "can", comment: "実施可能", answerDate: "2026-12-01" }], [answered]);
  expect(rep2.imported).toBe(1);
  expect(await t.dataAs(7).proposalAnswers.list({ where: [{ prop: "proposalId", op: "eq", value: submitted.id }] })).toMatchObject([{ answer: "can", comment: "実施可能" }]);
});

test("the year view reads everything in one batched request", async () => {
  const coord = await as(7);
  await coord.year(2025);
  const before = t.backend.requestCount();
  const y = await coord.year(2025);
  expect(t.backend.requestCount() - before).toBe(1);
  expect(y.partnerProposals.length).toBeGreaterThan(5);
  expect(y.cityProposals.every((p) => p.fiscalYear === 2025)).toBe(true);
});

test("opening a call posts its first notice to each department addressed, once: reached, not a member (with the reason) and no channel told apart; opening it again posts nothing more", async () => {
  const coord = await as(7);
  const data = t.dataAs(7);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await coord.year(2026);
  const d = (code: string) => year.departments.find((x) => x.code === code)!;
  const [kosodate, sangyo, joho] = [d("kodomo-kosodate"), d("shimin-sangyo"), d("somu-joho")];
  await withoutCall("form2", 2026);
  const call = await coord.openCall({ title: "令和8年度 包括連携協定に基づく市からの連携提案について（依頼）", fiscalYear: 2026, form: "form2", deadline: "2026-12-25", message: "各課1件以上の提案をお願いします。", recipientDepartments: [kosodate, sangyo, joho].map((x) => ({ id: x.id, title: x.title })), recipientPartners: [] });
  year = await coord.year(2026);
  const before = (await graphMessages()).length;
  const render = (dept: { title: string }): string => `<p>${dept.title}: ${call.title} / ${call.message}</p>`;
  const out = await coord.announce(call, year, notifications, render);
  const { NOT_MEMBER } = await import("../../src/data/services/NotificationService");
  expect(Object.fromEntries(out.map((n) => [n.department?.id, [n.status, n.kind]]))).toEqual({ [kosodate.id]: ["sent", "callNotice"], [sangyo.id]: ["failed", "callNotice"], [joho.id]: ["notConfigured", "callNotice"] });
  expect(out.find((n) => n.department?.id === sangyo.id)?.error).toBe(NOT_MEMBER);
  const posted = ((await graphMessages()) as Array<{ body: { content: string } }>).slice(0, (await graphMessages()).length - before);
  expect(posted).toHaveLength(1);
  expect(posted[0].body.content).toContain("各課1件以上の提案をお願いします。");
  await coord.announce(call, await coord.year(2026), notifications, render);
  expect((await graphMessages()).length).toBe(before + 1);
});

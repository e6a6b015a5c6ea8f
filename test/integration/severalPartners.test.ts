import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { AgreementService } from "../../src/data/services/AgreementService";
import { CycleService, ImportRow } from "../../src/data/services/CycleService";
import { MatchingService } from "../../src/data/services/MatchingService";
import { RegisterImportService } from "../../src/data/services/RegisterImportService";
import { DataError } from "../../src/data/contracts";
import { toListValues } from "../../src/data/sp/mapping";
import * as S from "../../src/data/schema/listSchema";
import { placeRowsInDepartmentFolders } from "../../dev/backend/sites";
import { detectColumns, withSplitDecision } from "../../src/domain/registerImport";

/**
 * An agreement signed with several partners (連名), against the local backend: imported from a
 * register with its partners split, each a partner of its own in the register, Form 1, Form 2,
 * matching and the review's look-back; its partners changed only by a coordinator (SharePoint refuses a
 * department member's write to the list).
 */

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


const coordinator = { id: 7, title: "未来 花子", email: "", role: "coordinator" as const, departmentCodes: [] };
const header = ["協定先", "協定名", "締結日", "連携事項", "協定期間"];
const names = ["国立大学法人清瀬工業大学", "学校法人清瀬学園清瀬西大学", "公立大学法人清瀬看護大学"];
const row = [`${names[0]}、${names[1]}及び${names[2]}`, "清瀬市と市内三大学との包括連携に関する協定", "令和2年4月1日", "（１）教育に関すること。\n（２）地域の課題解決に関すること。", "期間の定めなし（3年ごとに見直し）"];

test("imported split: three partners of their own on one agreement; the same file again creates nothing", async () => {
  const data = t.dataAs(7);
  const importer = new RegisterImportService(data, coordinator, TODAY);
  const partnersBefore = (await data.partners.list()).length;
  const [planned] = await importer.preview([row], detectColumns(header), 2);
  expect(planned.split?.parts.map((p) => p.name)).toEqual(names);
  // Not decided: nothing to import.
  expect(await importer.importRows([planned])).toEqual({ created: 0, partnersCreated: 0, skipped: 1, alreadyImported: 0 });
  expect(await importer.importRows([withSplitDecision(planned, "split")])).toEqual({ created: 1, partnersCreated: 3, skipped: 0, alreadyImported: 0 });
  const partners = await data.partners.list();
  expect(partners).toHaveLength(partnersBefore + 3);
  const ids = names.map((n) => partners.find((p) => p.name === n)!.id);
  const a = (await data.agreements.list()).find((x) => x.title === row[1])!;
  expect(a.partner).toEqual({ id: ids[0], title: names[0] });
  expect(a.coPartners).toEqual([{ id: ids[1], title: names[1] }, { id: ids[2], title: names[2] }]);
  // The composite name is never a partner.
  expect(partners.some((p) => p.name === row[0])).toBe(false);
  const [again] = await importer.preview([row], detectColumns(header), 2);
  expect(again.duplicateOfId).toBe(a.id);
  expect(await importer.importRows([withSplitDecision(again, "split")])).toEqual({ created: 0, partnersCreated: 0, skipped: 1, alreadyImported: 0 });
});

test("each partner proposes (Form 1) and is proposed to (Form 2) on the agreement's items", async () => {
  const coord = new CycleService(t.dataAs(7), await t.dataAs(7).currentUser(), TODAY);
  let year = await coord.year(2026);
  const partner = (n: string) => year.partners.find((p) => p.name === n)!;
  const items = year.itemsOfPartner.get(partner(names[0]).id)!;
  expect(items.map((i) => i.text)).toEqual(["教育に関すること。", "地域の課題解決に関すること。"]);
  for (const n of names.slice(1)) expect(year.itemsOfPartner.get(partner(n).id)?.map((i) => i.id)).toEqual(items.map((i) => i.id));

  // Form 1 returned by the second university names the agreement's item: accepted as its own.
  const rows: ImportRow[] = [{ rowNumber: 6, partnerName: names[1], itemText: "第2号 地域の課題解決に関すること", title: "学生による地域課題の調査", content: "ゼミ単位で市内の課題を調査し報告する", timing: "startOfYear" }];
  expect(await coord.importPartnerProposals(rows, year, null)).toEqual({ imported: 1, duplicates: 0, errors: [] });
  year = await coord.year(2026);
  const proposal = year.partnerProposals.find((p) => p.title === "学生による地域課題の調査")!;
  expect(proposal.partner?.id).toBe(partner(names[1]).id);

  // Matching (別紙③): the row carries the contact of the partner that proposed it, not the first named.
  const data = t.dataAs(7);
  const second = partner(names[1]);
  await data.partners.update(second.id, second.etag, { contactName: "清瀬西大学 地域連携センター", contactEmail: "renkei@nishi.example.ac.jp" });
  const matching = new MatchingService(data, await data.currentUser(), TODAY);
  let my = await matching.year(2026);
  const issue = await matching.draftIssue(my);
  await matching.addRows(issue, my, [{ title: proposal.title, content: proposal.content, partner: proposal.partner, partnerProposal: { id: proposal.id, title: "" }, cityProposal: null, allDepartments: true, targetDepartments: [] }]);
  my = await matching.year(2026);
  expect(my.matchings.find((m) => m.partnerProposal?.id === proposal.id)).toMatchObject({ partner: { id: second.id }, contactName: "清瀬西大学 地域連携センター", contactEmail: "renkei@nishi.example.ac.jp" });

  // Form 2: a department proposes to the third university, on the same agreement's item.
  const member = new CycleService(t.dataAs(11), await t.dataAs(11).currentUser(), TODAY);
  const mine = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  await withoutCall("form2", 2026);
  const call = await coord.openCall({ title: "2026年度 別紙②（三大学）", fiscalYear: 2026, form: "form2", deadline: "2026-12-10", message: "", recipientDepartments: [{ id: mine.id, title: mine.title }], recipientPartners: [] });
  year = await member.year(2026);
  const third = partner(names[2]);
  const draft = { title: "看護学生の子育て支援ボランティア", fiscalYear: 2026, department: { id: mine.id, title: mine.title }, partner: { id: third.id, title: third.name }, partnershipItem: { id: items[0].id, title: "" }, content: "子育て広場に看護学生が参加する", viewpoint: "comprehensivePlan" as const, answersProposal: null, status: "draft" as const, call: { id: call.id, title: "" }, sourceId: null };
  const saved = await member.saveCityProposal(draft, year);
  expect(saved).toMatchObject({ partner: { id: third.id }, partnershipItem: { id: items[0].id } });
});

test("the review's look-back counts the results of every partner of the agreement", async () => {
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), TODAY);
  const a = (await data.agreements.list()).find((x) => x.title === row[1])!;
  const items = await data.partnershipItems.list({ where: [{ prop: "agreement", op: "eq", value: { id: a.id, title: "" } }] });
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const result = (partner: { id: number; title: string }, fiscalYear: number, item: number) => ({
    title: `実績 ${partner.title} ${fiscalYear}`, fiscalYear, department: { id: dept.id, title: "" }, sectionName: "", rowNo: 1, content: "実施した", partner, partnershipItem: { id: item, title: "" }, matching: null, cityProposal: null, status: "submitted" as const, publishedAt: null, sourceId: null,
  });
  // Past years' submitted rows, each in its department's submission folder of its year (as those years left them).
  t.backend.store.bulkAdd("PD_ResultReports", [result(a.partner!, 2023, items[0].id), result(a.coPartners[0], 2024, items[1].id), result(a.coPartners[1], 2025, items[0].id)].map((r) => toListValues(S.resultReports, r)), 7);
  placeRowsInDepartmentFolders(t.backend.store);
  const lb = await coord.lookBack(a, items, "2026-04-01");
  expect(lb.fiscalYears).toEqual([2023, 2024, 2025]);
  expect(lb.perYear).toEqual([1, 1, 1]);
  expect(lb.perItem.map((p) => p.total)).toEqual([2, 1]);
});

test("a coordinator changes the partners; a department member cannot, by the screens or by the REST API", async () => {
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), TODAY);
  let a = (await data.agreements.list()).find((x) => x.title === row[1])!;
  await coord.saveCoPartners(a, [a.coPartners[0].id, a.partner!.id]);
  a = (await coord.story(a.id)).agreement;
  // The first named is never listed again among the others.
  expect(a.coPartners.map((p) => p.title)).toEqual([names[1]]);
  const member = new AgreementService(t.dataAs(11), await t.dataAs(11).currentUser(), TODAY);
  expect(((await refusal(member.saveCoPartners(a, []))) as DataError).kind).toBe("forbidden");
  // As a hostile member would, straight to the list: SharePoint's permissions refuse it.
  expect(((await refusal(t.dataAs(11).agreements.update(a.id, a.etag, { coPartners: [] }))) as DataError).kind).toBe("forbidden");
  expect((await coord.story(a.id)).agreement.coPartners.map((p) => p.title)).toEqual([names[1]]);
  // A stale version: a conflict, nothing written.
  await coord.saveCoPartners(a, [a.coPartners[0].id, (await data.partners.list()).find((p) => p.name === names[2])!.id]);
  expect(((await refusal(coord.saveCoPartners(a, []))) as DataError).kind).toBe("conflict");
  expect((await coord.story(a.id)).agreement.coPartners.map((p) => p.title)).toEqual([names[1], names[2]]);
});

test("an agreement started with several partners keeps each, the first named in 企業等", async () => {
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), TODAY);
  const partners = await data.partners.list();
  const [a, b] = names.slice(1).map((n) => partners.find((p) => p.name === n)!);
  const first = partners.find((p) => p.name === names[0])!;
  const started = await coord.start({ title: "清瀬市と三大学との防災に関する協定", origin: "city", partnerId: first.id, coPartnerIds: [a.id, b.id, first.id, a.id], requestedByDepartmentId: null, requestedByExecutives: true, approachDate: null, proposedContent: "" }, ["防災教育に関すること"]);
  const story = await coord.story(started.id);
  expect(story.agreement.partner).toEqual({ id: first.id, title: first.name });
  // Each once, never the first named again.
  expect(story.agreement.coPartners).toEqual([{ id: a.id, title: a.name }, { id: b.id, title: b.name }]);
});

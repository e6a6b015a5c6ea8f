import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { MatchingService } from "../../src/data/services/MatchingService";
import { CycleService } from "../../src/data/services/CycleService";
import { DataError } from "../../src/data/contracts";
import { RuleError } from "../../src/data/services/ServiceBase";
import { candidateRow } from "../../src/domain/matching";
import type { CityProposal, LookupRef } from "../../src/domain/types";

/**
 * Issue 33, point 2: Form 3 offers every candidate — answered city proposals (可 / 要協議) and
 * partner proposals without a city counterpart as rows of their own — and a row never goes to
 * no department. Against the local SharePoint with the sample site (2026: every sample proposal
 * was fed back alone in the first edition, so only pairs of them are candidates besides what this test adds).
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const TODAY = "2026-11-24";

test("answered city proposals and partner proposals alone are candidates; accepted rows go to the proposing department or the departments chosen", async () => {
  const data = t.dataAs(7);
  const user = await data.currentUser();
  const cycle = new CycleService(data, user, TODAY);
  const svc = new MatchingService(data, user, TODAY);
  // The sample's proposals were all fed back alone in the first edition: only pairs of them remain candidates.
  const seeded = svc.candidates(await svc.year(2026));
  expect(seeded.length).toBeGreaterThan(0);
  expect(seeded.every((c) => c.kind === "pair")).toBe(true);
  // The candidates made only of what this test adds (a new partner proposal may also pair with a sample city proposal).
  const ours = { pp: new Set<number>(), cp: new Set<number>() };
  const added = (y: Awaited<ReturnType<typeof svc.year>>): string[] =>
    svc.candidates(y).filter((c) => (c.kind === "cityProposal" || ours.pp.has(c.partnerProposal.id)) && (c.kind === "partnerProposal" || ours.cp.has(c.cityProposal.id))).map((c) => c.key);

  const cy = await cycle.year(2026);
  const partner = (name: string): LookupRef => {
    const p = cy.partners.find((x) => x.name === name)!;
    return { id: p.id, title: p.name };
  };
  const item = (p: LookupRef): LookupRef => ({ id: cy.itemsOfPartner.get(p.id)![0].id, title: "" });
  const dept = (code: string): LookupRef => {
    const d = cy.departments.find((x) => x.code === code)!;
    return { id: d.id, title: d.title };
  };
  const mirai = partner("株式会社みらい電機");
  const kita = partner("清瀬北大学");
  const gas = partner("武蔵野ガス株式会社");
  const pp = (p: LookupRef, title: string, content: string) => cycle.addPartnerProposal({ title, fiscalYear: 2026, partner: p, partnershipItem: item(p), content, timing: "anyTime", call: null, receivedDate: TODAY, importKey: "" }, cy);
  const cp = async (d: LookupRef, p: LookupRef, title: string, answer: CityProposal["partnerAnswer"]): Promise<CityProposal> => {
    const saved = await cycle.saveCityProposal({ title, fiscalYear: 2026, department: d, partner: p, partnershipItem: item(p), content: `${title}の内容`, viewpoint: "comprehensivePlan", answersProposal: null, status: "submitted", call: null, sourceId: null }, cy);
    if (answer !== "pending") await cycle.recordAnswer(saved, answer, answer === "discuss" ? "時期を相談したい" : "", TODAY);
    return saved;
  };
  const ppPair = await pp(mirai, "省エネ診断の出前講座", "市内の公共施設で省エネ診断");
  const ppAlone = await pp(gas, "ガス機器の安全教室", "高齢者向けの安全教室");
  const cpPair = await cp(dept("somu-joho"), mirai, "公共施設の省エネ診断講座", "can");
  const cpDiscuss = await cp(dept("shimin-sangyo"), kita, "学生の地域活動", "discuss");
  // 不可 and unanswered: never candidates (their ids are watched too).
  ours.cp.add((await cp(dept("somu-bosai"), kita, "不可と答えられた提案", "cannot")).id);
  ours.cp.add((await cp(dept("somu-bosai"), kita, "まだ答えのない提案", "pending")).id);

  [ppPair, ppAlone].forEach((p) => ours.pp.add(p.id));
  [cpPair, cpDiscuss].forEach((p) => ours.cp.add(p.id));
  let year = await svc.year(2026);
  expect(added(year)).toEqual([`${ppPair.id}:${cpPair.id}`, `cp:${cpPair.id}`, `cp:${cpDiscuss.id}`, `pp:${ppAlone.id}`]);

  // An answered city proposal alone goes to the department that proposed it.
  const issue = await svc.draftIssue(year);
  const discuss = svc.candidates(year).find((c) => c.key === `cp:${cpDiscuss.id}`)!;
  const r = candidateRow(discuss);
  expect(r.targets).toEqual({ allDepartments: false, targetDepartments: [expect.objectContaining({ id: dept("shimin-sangyo").id })] });
  await svc.addRows(issue, year, [{ title: r.title, content: r.content, partner: r.partner, partnerProposal: r.partnerProposal, cityProposal: r.cityProposal, ...r.targets! }]);

  // A partner proposal alone names no department: saving it to nobody is refused, not sent to 全部署.
  year = await svc.year(2026);
  const alone = candidateRow(svc.candidates(year).find((c) => c.key === `pp:${ppAlone.id}`)!);
  expect(alone.targets).toBeNull();
  const base = { title: alone.title, content: alone.content, partner: alone.partner, partnerProposal: alone.partnerProposal, cityProposal: alone.cityProposal };
  expect(((await refusal(svc.addRows(issue, year, [{ ...base, allDepartments: false, targetDepartments: [] }]))) as RuleError).problems).toEqual([{ field: "targetDepartments", code: "required" }]);
  await svc.addRows(issue, year, [{ ...base, allDepartments: false, targetDepartments: [dept("kenko-korei")] }]);

  year = await svc.year(2026);
  const rows = year.matchings.filter((m) => m.issue?.id === issue.id).sort((a, b) => a.rowNo - b.rowNo);
  expect(rows.map((m) => [m.rowNo, m.title, m.cityProposal?.id ?? null, m.partnerProposal?.id ?? null, m.allDepartments, m.targetDepartments.map((d) => d.id)])).toEqual([
    [1, "学生の地域活動", cpDiscuss.id, null, false, [dept("shimin-sangyo").id]],
    [2, "ガス機器の安全教室", null, ppAlone.id, false, [dept("kenko-korei").id]],
  ]);
  expect(rows[0].contactName).not.toBe("");
  // Used proposals are no longer offered; rejecting the pair offers its partner proposal alone, and a rejected single stays away.
  expect(added(year)).toEqual([`${ppPair.id}:${cpPair.id}`, `cp:${cpPair.id}`]);
  await svc.reject(year, `${ppPair.id}:${cpPair.id}`);
  await svc.reject(year, `cp:${cpPair.id}`);
  year = await svc.year(2026);
  expect(added(year)).toEqual([]);
  // It still pairs with the sample's city proposal to the same partner; once that pair is rejected too, it is offered alone.
  const others = svc.candidates(year).filter((c) => c.kind === "pair" && c.partnerProposal.id === ppPair.id);
  expect(others.length).toBeGreaterThan(0);
  for (const c of others) await svc.reject(year, c.key);
  year = await svc.year(2026);
  expect(added(year)).toEqual([`pp:${ppPair.id}`]);

  // A department member compiles no list.
  const member = new MatchingService(t.dataAs(11), await t.dataAs(11).currentUser(), TODAY);
  expect(((await refusal(member.addRows(issue, year, [{ ...base, allDepartments: true, targetDepartments: [] }]))) as DataError).kind).toBe("forbidden");
}, 30000);

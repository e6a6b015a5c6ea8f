import { startTenYearBackend, TenYearBackend, ThrottleWatch, watchThrottling } from "../fixtures/tenYear";
import { CycleService } from "../../src/data/services/CycleService";
import { ResultsService } from "../../src/data/services/ResultsService";
import { siteGroups, submissionFolderName } from "../../src/data/schema/listSchema";

/**
 * A year's submissions on a city's tenth year (test/fixtures/tenYear.ts), where CityProposals
 * and ResultReports are past 5,000 rows: the coordinator opens and locks a year's submission
 * folders, and opens a year's Form 2 and Form 4 calls; a department hands in both.
 */

let t: TenYearBackend;
let watch: ThrottleWatch;
beforeAll(async () => {
  t = await startTenYearBackend();
}, 120_000);
afterAll(async () => t?.stop());
beforeEach(() => {
  watch = watchThrottling();
});
afterEach(() => watch.stop());

const site = () => t.backend.store.site("/sites/partnership")!;
const folder = (list: string, name: string) => [...t.backend.store.list(list)!.items.values()].find((x) => x.fsObjType === 1 && String(x.values.Title).toLowerCase() === name.toLowerCase());
/** The folder's own assignments (undefined: it inherits the list's). */
const scopeOf = (list: string, name: string) => site().security.items?.[`${t.backend.store.list(list)!.meta.id}:${folder(list, name)!.Id}`];
const groupId = (code: string) => site().security.groups.find((g) => g.Title === `${siteGroups.departmentPrefix}${code}`)!.Id;

async function service<S>(Kind: new (...a: ConstructorParameters<typeof CycleService>) => S, userId: number, today: string): Promise<S> {
  const data = t.dataAs(userId);
  return new Kind(data, await data.currentUser(), today);
}

test("the coordinator opens fiscal 2027's Form 2 folders for every department, then locks them", async () => {
  const data = t.dataAs(7);
  const codes = (await data.departments.list()).filter((d) => !d.isCoordinator).map((d) => d.code);
  expect(codes.length).toBeGreaterThanOrEqual(40);
  expect(await data.submissions.open("cityProposals", 2027, codes)).toEqual([]);
  for (const code of codes) {
    const name = submissionFolderName(code, 2027);
    // A folder of its own permissions, where the department's group may add.
    expect({ name, addOnly: scopeOf("PD_CityProposals", name)?.some((a) => a.principalId === groupId(code)) }).toEqual({ name, addOnly: true });
  }
  // Opening again changes nothing (idempotent).
  expect(await data.submissions.open("cityProposals", 2027, codes)).toEqual([]);
  expect(await data.submissions.lock("cityProposals", 2027)).toBe(codes.length);
  for (const code of codes) expect(scopeOf("PD_CityProposals", submissionFolderName(code, 2027))).toBeUndefined();
  // Earlier years stay as they were: fiscal 2026 still open.
  expect(scopeOf("PD_CityProposals", submissionFolderName("kodomo-kosodate", 2026))).toBeDefined();
  expect(watch.throttled).toEqual([]);
});

test("Form 2 in fiscal 2027: the coordinator opens the call; a department saves a draft and submits it into the year's folder", async () => {
  const today = "2027-04-15";
  const coord = await service(CycleService, 7, today);
  let year = await coord.year(2027);
  const mine = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const other = year.departments.find((d) => d.code === "kyoiku-gakko")!;
  const call = await coord.openCall({ title: "2027年度 連携事項の提案（別紙②）の依頼", fiscalYear: 2027, form: "form2", deadline: "2027-05-28", message: "提案をお願いします。", recipientDepartments: [mine, other].map((d) => ({ id: d.id, title: d.title })), recipientPartners: [] });
  expect(call.notReady).toEqual([]);

  const member = await service(CycleService, 11, today);
  year = await member.year(2027);
  const [partnerId, items] = [...year.itemsOfPartner.entries()].find(([, its]) => its.length > 0)!;
  const draft = { title: "子育て世帯向けの防災講座", fiscalYear: 2027, department: { id: mine.id, title: mine.title }, partner: { id: partnerId, title: "" }, partnershipItem: { id: items[0].id, title: "" }, content: "親子で学ぶ防災講座を共催したい。", viewpoint: "comprehensivePlan" as const, answersProposal: null, status: "draft" as const, call: { id: call.id, title: "" }, sourceId: null };
  const saved = await member.saveCityProposal(draft, year);
  expect(t.backend.store.list("PD_CityProposals")!.items.get(saved.id)!.folder).toBe("kodomo-kosodate");
  year = await member.year(2027);
  const submitted = await member.saveCityProposal({ ...draft, status: "submitted" }, year, year.cityProposals.find((p) => p.id === saved.id));
  expect(submitted).toMatchObject({ status: "submitted", sourceId: saved.id });
  expect(t.backend.store.list("PD_CityProposals")!.items.get(submitted.id)!.folder).toBe(submissionFolderName("kodomo-kosodate", 2027));
  // The coordinator's year view has it.
  expect((await coord.year(2027)).cityProposals.map((p) => p.id)).toContain(submitted.id);
  expect(watch.throttled).toEqual([]);
});

test("Form 4 of fiscal 2027: the coordinator opens the call; a department enters its results and submits them into the year's folder", async () => {
  const today = "2028-03-20";
  const coordCycle = await service(CycleService, 7, today);
  const cycle = await coordCycle.year(2027);
  const dept = cycle.departments.find((d) => d.code === "kodomo-kosodate")!;
  const call = await coordCycle.openCall({ title: "2027年度 実績報告（別紙④）の依頼", fiscalYear: 2027, form: "form4", deadline: "2028-04-17", message: "実績を報告してください。", recipientDepartments: [{ id: dept.id, title: dept.title }], recipientPartners: [] });
  expect(call.notReady).toEqual([]);

  const member = await service(ResultsService, 11, today);
  let year = await member.year(2027);
  const partner = { id: year.partners[0].id, title: year.partners[0].name };
  for (const title of ["親子料理教室", "子育て相談会"]) {
    await member.saveRow(year, dept, { title, content: `${title}を共催した。`, partner, partnershipItem: null, sectionName: "子育て支援係", matching: null });
    year = await member.year(2027);
  }
  expect(await member.submit(year, dept)).toBe(2);
  year = await member.year(2027);
  const mine = year.rows.filter((r) => r.department?.id === dept.id);
  expect(mine.map((r) => [r.rowNo, r.status])).toEqual([[1, "submitted"], [2, "submitted"]]);
  for (const r of mine) expect(t.backend.store.list("PD_ResultReports")!.items.get(r.id)!.folder).toBe(submissionFolderName("kodomo-kosodate", 2027));
  expect(watch.throttled).toEqual([]);
});

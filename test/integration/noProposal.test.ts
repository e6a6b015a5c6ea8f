import { startTestBackend, TestBackend, restAs } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { CycleService } from "../../src/data/services/CycleService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { RuleError } from "../../src/data/services/ServiceBase";
import { callState, callStatusBoard } from "../../src/domain/calls";
import { departmentTodo } from "../../src/domain/departmentTodo";
import type { Call, Department } from "../../src/domain/types";

/**
 * Form 2 「提案なし」 (issue 33, point 7): a department with nothing to propose hands the year's
 * Form 2 in as such, into its own submission folder; it answers the call (no longer 期限超過),
 * shows as 提案なし on the coordinator's board, and a member cannot write one for another
 * department — against the local backend, through the product and straight through REST.
 */

let t: TestBackend;
const TODAY = "2027-05-10";
const AFTER = "2027-06-05";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function cycle(userId: number, today = TODAY): Promise<CycleService> {
  const data = t.dataAs(userId);
  return new CycleService(data, await data.currentUser(), today);
}

const stored = (where: (v: Record<string, unknown>, folder: string) => boolean) =>
  [...t.backend.store.list("PD_CityProposals")!.items.values()].filter((x) => x.fsObjType !== 1 && where(x.values, x.folder ?? ""));
const markers = (deptId: number) => stored((v) => v.ProposalStatus === "提案なし" && v.DepartmentId === deptId && v.FiscalYear === 2027);
const api = (user: number, path: string, init: { method?: string; xMethod?: string; body?: unknown } = {}) => restAs(t.backend.siteUrl, user, path, init);
const list = "web/getlist('/sites/partnership/Lists/PD_CityProposals')";

let kodomo: Department;
let kenko: Department;
let bosai: Department;
let call: Call;

beforeAll(async () => {
  const coord = await cycle(7);
  const year = await coord.year(2027);
  kodomo = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  kenko = year.departments.find((d) => d.code === "kenko-suishin")!;
  bosai = year.departments.find((d) => d.code === "somu-bosai")!;
  const departments = year.departments.filter((d) => d.active && !d.isCoordinator).map((d) => ({ id: d.id, title: d.title }));
  call = await coord.openCall({ title: "令和9年度 市からの提案（別紙②）の依頼", fiscalYear: 2027, form: "form2", deadline: "2027-05-31", message: "", recipientDepartments: departments, recipientPartners: [] });
});

test("a member hands in 提案なし: refused while it has drafts, then written once into its own submission folder; the board and the to-do say so, even after the deadline", async () => {
  const member = await cycle(11);
  let year = await member.year(2027);
  const draft = await member.saveCityProposal({ title: "下書きの提案", fiscalYear: 2027, department: { id: kodomo.id, title: kodomo.title }, partner: { id: 1, title: "" }, partnershipItem: { id: year.itemsOfPartner.get(1)![0].id, title: "" }, content: "内容", viewpoint: "other", answersProposal: null, status: "draft", call: { id: call.id, title: "" }, sourceId: null }, year);
  expect(((await refusal(member.submitNoProposal(call, kodomo))) as RuleError).problems).toEqual([{ field: "rows", code: "draftsExist" }]);
  await t.dataAs(11).cityProposals.removeMany([{ id: draft.id, etag: draft.etag }]);

  const done = await member.submitNoProposal(call, kodomo);
  expect(done).toMatchObject({ fiscalYear: 2027, department: { id: kodomo.id } });
  const [row] = markers(kodomo.id);
  expect(row.folder).toBe("kodomo-kosodate-2027");
  expect(row.values.PartnerId ?? null).toBeNull();
  // A second click (or a retry) writes nothing.
  expect((await member.submitNoProposal(call, kodomo)).id).toBe(done.id);
  expect(markers(kodomo.id)).toHaveLength(1);
  // SharePoint protects it like a submitted proposal: the department cannot change or delete it.
  expect((await api(11, `${list}/items(${row.Id})`, { method: "POST", xMethod: "MERGE", body: { Title: "書き換え" } })).status).toBe(403);
  expect((await api(11, `${list}/items(${row.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);

  // Never a proposal: not among the year's proposals, only among its 提案なし.
  year = await (await cycle(7)).year(2027);
  expect(year.cityProposals.filter((p) => p.department?.id === kodomo.id)).toHaveLength(0);
  expect(year.noProposal.map((p) => p.department?.id)).toEqual([kodomo.id]);

  // After the deadline: 提案なし is answered, 未提出 is 期限超過, and the call reads 締切 (still open to late answers until closed).
  const late = await (await cycle(7, AFTER)).year(2027);
  const open = late.calls.find((c) => c.id === call.id)!;
  expect(open.status).toBe("open");
  expect(callState(open, TODAY)).toBe("open");
  expect(callState(open, AFTER)).toBe("closed");
  const board = callStatusBoard(open, { cityProposals: [...late.cityProposals, ...late.noProposal] }, AFTER);
  expect(board.find((r) => r.recipient.id === kodomo.id)).toMatchObject({ state: "noProposal", submissions: 0 });
  expect(board.find((r) => r.recipient.id === bosai.id)?.state).toBe("late");
  const todo = (deptId: number) => departmentTodo({ departmentId: deptId, today: AFTER, calls: late.calls, proposals: [...late.cityProposals, ...late.noProposal], results: [], surveys: [], agreements: [], issues: [], feedback: [] }).find((x) => x.refId === call.id)!;
  expect(todo(kodomo.id)).toMatchObject({ state: "done", noProposal: true });
  expect(todo(bosai.id).state).toBe("late");

  // No reminder to a department that answered 提案なし.
  const data = t.dataAs(7);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const sent = await (await cycle(7, AFTER)).remind(open, late, notifications, (d) => `<p>${d.title}: 提案をお願いします</p>`);
  expect(sent.map((n) => n.department?.id)).not.toContain(kodomo.id);
  expect(sent.map((n) => n.department?.id)).toContain(bosai.id);

  // A late department may still answer 提案なし until the coordinator closes the call.
  await (await cycle(12, AFTER)).submitNoProposal(open, bosai);
  const again = await (await cycle(7, AFTER)).year(2027);
  expect(callStatusBoard(open, { cityProposals: [...again.cityProposals, ...again.noProposal] }, AFTER).find((r) => r.recipient.id === bosai.id)?.state).toBe("noProposal");
});

test("a hostile member cannot hand in 提案なし for another department: refused by the product, by SharePoint, and a row it forges in its own folder does not count", async () => {
  const hostile = await cycle(12);
  await expect(hostile.submitNoProposal(call, kenko)).rejects.toMatchObject({ kind: "forbidden" });
  const values = (deptId: number) => [
    { FieldName: "Title", FieldValue: "提案なし" },
    { FieldName: "FiscalYear", FieldValue: "2027" },
    { FieldName: "Department", FieldValue: String(deptId) },
    { FieldName: "ProposalStatus", FieldValue: "提案なし" },
  ];
  const add = (folder: string, deptId: number) =>
    api(12, `${list}/AddValidateUpdateItemUsingPath()`, { method: "POST", body: { listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/partnership/Lists/PD_CityProposals/${folder}` }, UnderlyingObjectType: 0 }, formValues: values(deptId), bNewDocumentUpdate: false } });
  // Into the other department's submission folder: 403.
  expect((await add("kenko-suishin-2027", kenko.id)).status).toBe(403);
  // Into its own folder, naming the other department: SharePoint stores it (a member may set every column)...
  const forged = await add("somu-bosai-2027", kenko.id);
  expect(forged.status).toBe(200);
  expect(markers(kenko.id)).toHaveLength(1);
  // ...but the folder is the truth: it is not 健康推進課's answer, on the board or in the to-do.
  const year = await (await cycle(7, AFTER)).year(2027);
  expect(year.noProposal.some((p) => p.department?.id === kenko.id)).toBe(false);
  const open = year.calls.find((c) => c.id === call.id)!;
  expect(callStatusBoard(open, { cityProposals: [...year.cityProposals, ...year.noProposal] }, AFTER).find((r) => r.recipient.id === kenko.id)?.state).toBe("late");
  const own = await (await cycle(13, AFTER)).year(2027);
  expect(departmentTodo({ departmentId: kenko.id, today: AFTER, calls: own.calls, proposals: [...own.cityProposals, ...own.noProposal], results: [], surveys: [], agreements: [], issues: [], feedback: [] }).find((x) => x.refId === call.id)?.state).toBe("late");
});

import { startTestBackend, TestBackend } from "../helpers/backend";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { allLists, listUrlName, siteGroups } from "../../src/data/schema/listSchema";

/** A role held by an existing SharePoint group the site owner chooses, instead of the product's own. */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const api = (user: number, path: string, body: unknown) =>
  fetch(`${t.backend.siteUrl}/_api/${path}`, { method: "POST", headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "x-pd-user": String(user) }, body: JSON.stringify(body) });

test("the owner maps the coordinators' role to an existing group: setup grants that group and removes the product's own from every list", async () => {
  const setup = new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": "7" }), t.backend.siteUrl);
  expect((await api(7, "web/sitegroups", { Title: "企画部 連携担当", Description: "" })).status).toBe(201);
  const g = t.backend.store.site("/sites/partnership")!.security.groups.find((x) => x.Title === "企画部 連携担当")!;
  expect((await api(7, `web/sitegroups/getbyid(${g.Id})/users`, { LoginName: "i:0#.f|membership|jiro.bosai@city.kiyose.example.lg.jp" })).status).toBe(201);
  expect((await t.dataAs(12).currentUser()).role).toBe("member");

  expect((await setup.roleGroups()).groups).toContain("企画部 連携担当");
  await setup.mapRole("coordinators", "企画部 連携担当");
  const plan = await setup.plan();
  const grants = plan.steps.filter((s) => s.kind === "grant" && s.principal === "企画部 連携担当");
  const revokes = plan.steps.filter((s) => s.kind === "revoke" && s.principal === siteGroups.coordinators);
  expect(grants.length).toBe(allLists.length);
  // ... and in every folder with its own permissions (each department's, and each open submission
  // folder of a year), so the new coordinators can make rows there; the product's group leaves them.
  const sec = t.backend.store.site("/sites/partnership")!.security;
  const uniqueFolders = allLists.flatMap((def) => {
    const state = t.backend.store.list(listUrlName(def))!;
    return [...state.items.values()].filter((x) => x.fsObjType === 1 && sec.items?.[`${state.meta.id}:${x.Id}`]);
  });
  expect(uniqueFolders.length).toBeGreaterThan(12 * 4);
  expect(plan.steps.filter((s) => s.kind === "grantFolder" && s.principal === "企画部 連携担当").length).toBe(uniqueFolders.length);
  expect(plan.steps.filter((s) => s.kind === "revokeFolder" && s.principal === siteGroups.coordinators).length).toBe(uniqueFolders.length);
  expect(revokes.length).toBe(allLists.length);
  await setup.run();
  expect((await setup.plan()).upToDate).toBe(true);
  const old = t.backend.store.site("/sites/partnership")!.security.groups.find((x) => x.Title === siteGroups.coordinators)!;
  expect(Object.values(t.backend.store.site("/sites/partnership")!.security.items ?? {}).some((scope) => scope.some((a) => a.principalId === old.Id))).toBe(false);
  expect((await t.dataAs(12).currentUser()).role).toBe("coordinator");
  const data = t.dataAs(12);
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const row = await data.surveyResponses.add({ title: "庁内調査", agreement: { id: 1, title: "" }, department: { id: dept.id, title: "" }, partnershipItem: null, status: "requested", feasible: false, projectIdeas: "", comment: "", answeredAt: null });
  expect(t.backend.store.list("PD_SurveyResponses")!.items.get(row.id)!.folder).toBe("kodomo-kosodate");
  expect((await setup.roleGroups()).mapped).toEqual({ coordinators: "企画部 連携担当" });
});

test("a chosen group that does not exist is shown, never created, and nothing is granted to it", async () => {
  const setup = new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": "7" }), t.backend.siteUrl);
  await setup.mapRole("visitors", "存在しないグループ");
  const plan = await setup.plan();
  expect(plan.steps.filter((s) => s.kind === "missingGroup")).toEqual([{ kind: "missingGroup", group: "存在しないグループ", role: "visitors" }]);
  expect(plan.steps.some((s) => (s.kind === "grant" || s.kind === "createGroup") && ("principal" in s ? s.principal : s.group) === "存在しないグループ")).toBe(false);
  await setup.mapRole("visitors", null);
  expect((await setup.plan()).steps.filter((s) => s.kind === "missingGroup")).toEqual([]);
});

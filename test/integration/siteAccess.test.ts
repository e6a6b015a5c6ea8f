import { setupRightsText } from "../../src/components/SiteSetup/SiteSetupView";
import { startTestBackend, TestBackend, restAs } from "../helpers/backend";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { allLists, listUrlName, siteGroups } from "../../src/data/schema/listSchema";
import { sampleMembership } from "../../dev/backend/sites";
import { siteUsers } from "../../dev/backend/users";

/**
 * Issue 30, points 4–6, against a bare partnership site of the local backend: who may run site
 * setup (Full Control's rights, not Edit's), the site's pages for staff who hold only the
 * product's permissions, and the product's groups owned by the site's Owners group.
 */

let t: TestBackend;
beforeEach(async () => {
  t = await startTestBackend({ seed: "bare" });
});
afterEach(async () => t.stop());

const OWNERS = "包括連携デスク 所有者";
const MEMBERS_ID = 4; // the site's Members group (Edit)
const VISITORS_ID = 5; // the site's Visitors group (Read)
const login = (id: number) => siteUsers.find((u) => u.Id === id)!.LoginName;
const setupAs = (id: number) => new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": String(id) }), t.backend.siteUrl);
const api = (user: number, path: string, init: { method?: string; body?: unknown } = {}) => restAs(t.backend.siteUrl, user, path, init);
const page = (user: number) => fetch(`${t.backend.siteUrl}/SitePages/Home.aspx`, { headers: { "x-pd-user": String(user) } });
const addDepartment = (code: string) =>
  t.dataAs(7).departments.add({ title: code, code, departmentName: "部", divisionName: code, sectionName: "", teamId: "", channelId: "", isCoordinator: false, sortOrder: 1, active: true, groupLogin: "" });
const security = () => JSON.stringify(t.backend.store.site("/sites/partnership")!.security);

describe("who is offered site setup", () => {
  test("a user with Edit on the site (its Members group: Manage Lists, no Manage Permissions or Create Groups) is not offered setup, and a run fails before writing anything", async () => {
    expect((await api(7, `web/sitegroups/getbyid(${MEMBERS_ID})/users`, { method: "POST", body: { LoginName: login(11) } })).status).toBe(201);
    // Edit as SharePoint defines it: Manage Lists, neither Manage Permissions nor Create Groups.
    const mask = (await (await api(11, "web/effectivebasepermissions")).json()) as { Low: string };
    expect(Number(mask.Low) & (1 << 11)).not.toBe(0);
    expect(Number(mask.Low) & ((1 << 24) | (1 << 25))).toBe(0);

    const user = await t.dataAs(11).currentUser();
    expect(user).toMatchObject({ canManageSite: false, siteOwners: OWNERS, siteStatus: "notSetUp" });
    expect((await t.dataAs(7).currentUser()).canManageSite).toBe(true);

    const before = security();
    const err = await setupAs(11).run().then(
      () => null,
      (e: unknown) => e as { kind: string; message: string; detail: { setupRights?: { missing: string[]; owners: string | null } } },
    );
    expect(err).toMatchObject({ kind: "forbidden", detail: { setupRights: { missing: ["managePermissions", "createGroups"], owners: OWNERS } } });
    // As the screen words it, in the user's language.
    const text = setupRightsText(err!.detail.setupRights as Parameters<typeof setupRightsText>[0]);
    expect(text).toContain("権限の管理");
    expect(text).toContain("グループの作成");
    expect(text).toContain(OWNERS);
    // Nothing written: no list, no group, no permission changed.
    expect(allLists.every((def) => t.backend.store.list(listUrlName(def)) === undefined)).toBe(true);
    expect(security()).toBe(before);
  });
});

describe("the site's pages", () => {
  test("a user whose only permission is on a list has Limited Access: the list answers, the site's pages and the Site Pages library are refused (403)", async () => {
    await setupAs(7).run();
    const created = (await (await api(7, "web/sitegroups", { method: "POST", body: { Title: "臨時の閲覧" } })).json()) as { Id: number };
    expect((await api(7, `web/sitegroups/getbyid(${created.Id})/users`, { method: "POST", body: { LoginName: login(15) } })).status).toBe(201);
    // 閲覧 三郎 leaves the site's Visitors group (on this bare site he is in none of the product's): only the list's grant remains.
    expect((await api(7, `web/sitegroups/getbyid(${VISITORS_ID})/users/removebyid(15)`, { method: "POST" })).status).toBe(200);
    const read = t.backend.store.site("/sites/partnership")!.security.roleDefs.find((r) => r.RoleTypeKind === 2)!;
    const agreements = "web/getlist('/sites/partnership/Lists/PD_Agreements')";
    expect((await api(7, `${agreements}/roleassignments/addroleassignment(principalid=${created.Id},roledefid=${read.Id})`, { method: "POST" })).status).toBe(200);

    expect((await api(15, `${agreements}/items`)).status).toBe(200);
    expect((await page(15)).status).toBe(403);
    expect((await api(15, "web/getlist('/sites/partnership/SitePages')/items")).status).toBe(403);
    expect((await page(7)).status).toBe(200);
  });

  test("after setup a department member who holds only the product's permissions opens the site's pages; Read on the site does not reach the product's lists", async () => {
    await setupAs(7).run();
    await addDepartment("kodomo-kosodate");
    await setupAs(7).run();
    sampleMembership(t.backend.store);
    // 子育 太郎 is only in his department's group; 閲覧 三郎 only in the product's Visitors.
    for (const [group, user] of [[`getbyid(${VISITORS_ID})`, 11], [`getbyname('${siteGroups.members}')`, 11], [`getbyid(${VISITORS_ID})`, 15]] as const) {
      expect((await api(7, `web/sitegroups/${group}/users/removebyid(${user})`, { method: "POST" })).status).toBe(200);
    }
    const plan = await setupAs(7).plan();
    expect(plan.steps.filter((s) => s.kind === "grantSite")).toEqual([]);
    expect((await page(11)).status).toBe(200);
    expect((await page(15)).status).toBe(200);

    // Every product list keeps its own permissions: Read on the site gives nothing there.
    for (const def of allLists) expect(((await (await api(7, `web/getlist('/sites/partnership/Lists/${listUrlName(def)}')/hasuniqueroleassignments`)).json()) as { value: boolean }).value).toBe(true);
    expect((await api(11, "web/getlist('/sites/partnership/Lists/PD_Agreements')/items")).status).toBe(403);
    expect((await api(15, "web/getlist('/sites/partnership/Lists/PD_PartnerProposals')/items")).status).toBe(403);
    expect((await api(15, "web/getlist('/sites/partnership/Lists/PD_Agreements')/items")).status).toBe(200);
  });

  test("the plan shows Read on the site for each product group and department group, and a run gives it", async () => {
    await setupAs(7).run();
    await addDepartment("somu-bosai");
    const sec = t.backend.store.site("/sites/partnership")!.security;
    const dept = siteGroups.departmentPrefix + "somu-bosai";
    const plan = await setupAs(7).plan();
    expect(plan.steps.filter((s) => s.kind === "grantSite")).toEqual([{ kind: "grantSite", principal: dept, role: "read" }]);
    await setupAs(7).run();
    const after = t.backend.store.site("/sites/partnership")!.security;
    const read = sec.roleDefs.find((r) => r.RoleTypeKind === 2)!.Id;
    for (const title of [siteGroups.coordinators, siteGroups.members, siteGroups.visitors, dept]) {
      const g = after.groups.find((x) => x.Title === title)!;
      expect(after.web.find((a) => a.principalId === g.Id)?.roleDefIds).toEqual([read]);
    }
    expect((await setupAs(7).plan()).upToDate).toBe(true);
  });
});

describe("the product's groups are owned by the site's Owners group", () => {
  const dept = siteGroups.departmentPrefix + "kodomo-kosodate";
  const group = async (title: string) => (await (await api(7, `web/sitegroups/getbyname('${title}')`)).json()) as { Id: number; OwnerTitle: string };

  test("after setup a second site owner (not the one who ran it) adds and removes a department's staff", async () => {
    await setupAs(7).run();
    await addDepartment("kodomo-kosodate");
    await setupAs(7).run();
    for (const title of [siteGroups.coordinators, siteGroups.members, siteGroups.visitors, dept]) expect((await group(title)).OwnerTitle).toBe(OWNERS);
    const g = await group(dept);
    expect((await api(8, `web/sitegroups/getbyid(${g.Id})/users`, { method: "POST", body: { LoginName: login(13) } })).status).toBe(201);
    expect(t.backend.store.site("/sites/partnership")!.security.groups.find((x) => x.Id === g.Id)!.members).toContain(login(13));
    expect((await api(8, `web/sitegroups/getbyid(${g.Id})/users/removebyid(13)`, { method: "POST" })).status).toBe(200);
    expect(t.backend.store.site("/sites/partnership")!.security.groups.find((x) => x.Id === g.Id)!.members).not.toContain(login(13));
  });

  test("a group made by hand is owned by its maker: no other site owner manages it; the plan shows a product group whose owner is wrong, and a run repairs it", async () => {
    await setupAs(7).run();
    await addDepartment("kodomo-kosodate");
    await setupAs(7).run();
    const own = (await (await api(7, "web/sitegroups", { method: "POST", body: { Title: "手作りのグループ" } })).json()) as { Id: number; OwnerTitle: string };
    expect(own.OwnerTitle).toBe("未来 花子");
    expect((await api(8, `web/sitegroups/getbyid(${own.Id})/users`, { method: "POST", body: { LoginName: login(13) } })).status).toBe(403);

    const g = await group(dept);
    // Someone gives the department's group to a person (REST's SetUserAsOwner): the next plan repairs it.
    expect((await api(7, `web/sitegroups/getbyid(${g.Id})/setuserasowner(7)`, { method: "POST" })).status).toBe(200);
    const plan = await setupAs(7).plan();
    expect(plan.steps).toEqual([{ kind: "setGroupOwner", group: dept, owner: OWNERS, found: "未来 花子" }]);
    await setupAs(7).run();
    expect((await group(dept)).OwnerTitle).toBe(OWNERS);
    expect((await setupAs(7).plan()).upToDate).toBe(true);
  });

  test("a department member cannot add themselves to another department's group, remove a colleague, nor take a group over through CSOM (refused)", async () => {
    await setupAs(7).run();
    await addDepartment("kodomo-kosodate");
    await addDepartment("somu-bosai");
    await setupAs(7).run();
    sampleMembership(t.backend.store);
    const other = await group(siteGroups.departmentPrefix + "somu-bosai");
    const mine = await group(dept);
    expect((await api(11, `web/sitegroups/getbyid(${other.Id})/users`, { method: "POST", body: { LoginName: login(11) } })).status).toBe(403);
    expect((await api(11, `web/sitegroups/getbyid(${mine.Id})/users/removebyid(13)`, { method: "POST" })).status).toBe(403);
    expect((await api(11, `web/sitegroups/getbyid(${mine.Id})/setuserasowner(11)`, { method: "POST" })).status).toBe(403);
    const before = security();
    const csom = await fetch(`${t.backend.siteUrl}/_vti_bin/client.svc/ProcessQuery`, {
      method: "POST",
      headers: { "content-type": "text/xml", "x-pd-user": "11" },
      body:
        '<Request xmlns="http://schemas.microsoft.com/sharepoint/clientquery/2009" SchemaVersion="15.0.0.0" LibraryVersion="16.0.0.0" ApplicationName="test"><Actions><SetProperty Id="3" ObjectPathId="13" Name="Owner"><Parameter ObjectPathId="14" /></SetProperty><Method Name="Update" Id="4" ObjectPathId="13" /></Actions>' +
        `<ObjectPaths><StaticProperty Id="10" TypeId="{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}" Name="Current" /><Property Id="11" ParentId="10" Name="Web" /><Property Id="12" ParentId="11" Name="SiteGroups" /><Method Id="13" ParentId="12" Name="GetById"><Parameters><Parameter Type="Int32">${mine.Id}</Parameter></Parameters></Method><Method Id="14" ParentId="12" Name="GetById"><Parameters><Parameter Type="Int32">${mine.Id}</Parameter></Parameters></Method></ObjectPaths></Request>`,
    });
    // CSOM answers 200 with the error in ErrorInfo.
    expect(csom.status).toBe(200);
    expect(((await csom.json()) as { ErrorInfo: { ErrorTypeName: string } | null }[])[0].ErrorInfo?.ErrorTypeName).toBe("System.UnauthorizedAccessException");
    expect(security()).toBe(before);
  });
});

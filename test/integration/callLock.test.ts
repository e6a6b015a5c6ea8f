import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { CallExistsError, CycleService } from "../../src/data/services/CycleService";
import { AgreementService } from "../../src/data/services/AgreementService";
import { MatchingService } from "../../src/data/services/MatchingService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import type { Department } from "../../src/domain/types";

/**
 * Issue 31, items 4–6: closing a call locks its submission folders (reopening opens them), a call
 * is unique per form and fiscal year (SharePoint's unique CallKey) and every title the product
 * builds fits its column — against the local backend, as a hostile member would try it.
 */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function as(userId: number): Promise<CycleService> {
  const data = t.dataAs(userId);
  return new CycleService(data, await data.currentUser(), TODAY);
}
const api = (user: number, path: string, body: unknown) =>
  fetch(`${t.backend.siteUrl}/_api/${path}`, {
    method: "POST",
    headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "x-pd-user": String(user) },
    body: JSON.stringify(body),
  });
const storedCalls = (key: string) => [...t.backend.store.list("PD_Calls")!.items.values()].filter((x) => x.values.CallKey === key);

/** A member's own row, written straight through SharePoint's REST API into its department's submission folder of the year. */
async function addIntoFolder(user: number, dept: Department, fiscalYear: number, partnerId: number): Promise<number> {
  const r = await api(user, "web/getlist('/sites/partnership/Lists/PD_CityProposals')/AddValidateUpdateItemUsingPath()", {
    listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/partnership/Lists/PD_CityProposals/${dept.code}-${fiscalYear}` }, UnderlyingObjectType: 0 },
    formValues: [
      { FieldName: "Title", FieldValue: "締切後の追加" },
      { FieldName: "FiscalYear", FieldValue: String(fiscalYear) },
      { FieldName: "Department", FieldValue: String(dept.id) },
      { FieldName: "Partner", FieldValue: String(partnerId) },
      { FieldName: "Content", FieldValue: "締め切られた年度に行を足す" },
      { FieldName: "ProposalStatus", FieldValue: "提出済" },
    ],
    bNewDocumentUpdate: false,
  });
  return r.status;
}

test("closing a Form 2 call locks its departments' submission folders (a member's REST add answers 403); reopening opens them again", async () => {
  const coord = await as(7);
  let year = await coord.year(2027);
  const mine = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const partnerId = year.partners[0].id;
  const call = await coord.openCall({ title: "令和9年度 別紙②", fiscalYear: 2027, form: "form2", deadline: "2027-05-28", message: "", recipientDepartments: [{ id: mine.id, title: mine.title }], recipientPartners: [] });
  expect(await addIntoFolder(11, mine, 2027, partnerId)).toBe(200);

  await coord.closeCall(call);
  expect(await addIntoFolder(11, mine, 2027, partnerId)).toBe(403);
  year = await coord.year(2027);
  const closed = year.calls.find((c) => c.id === call.id)!;
  expect(closed.status).toBe("closed");

  await coord.reopenCall(closed, "2027-06-30");
  expect(await addIntoFolder(11, mine, 2027, partnerId)).toBe(200);
});

test("a close cut short after the lock (the call's update fails) leaves the folders locked and the call open; closing again finishes", async () => {
  const coord = await as(7);
  const year = await coord.year(2029);
  const mine = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const call = await coord.openCall({ title: "令和11年度 別紙②", fiscalYear: 2029, form: "form2", deadline: "2029-05-28", message: "", recipientDepartments: [{ id: mine.id, title: mine.title }], recipientPartners: [] });
  const stale = { ...call, etag: '"999"' };
  await expect(coord.closeCall(stale)).rejects.toMatchObject({ kind: "conflict" });
  expect(await addIntoFolder(11, mine, 2029, year.partners[0].id)).toBe(403);
  await coord.closeCall((await coord.year(2029)).calls.find((c) => c.id === call.id)!);
  expect((await coord.year(2029)).calls.find((c) => c.id === call.id)!.status).toBe("closed");
});

test("two coordinators open the same call at the same moment: one call is made, the other is told about it", async () => {
  const [a, b] = [await as(7), await as(7)];
  const year = await a.year(2028);
  const recipients = year.departments.filter((d) => d.code === "kodomo-kosodate" || d.code === "somu-bosai").map((d) => ({ id: d.id, title: d.title }));
  const open = (svc: CycleService) => svc.openCall({ title: "令和10年度 別紙②", fiscalYear: 2028, form: "form2", deadline: "2028-05-26", message: "", recipientDepartments: recipients, recipientPartners: [] });
  const results = await Promise.allSettled([open(a), open(b)]);
  const made = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof open>>> => r.status === "fulfilled");
  const told = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(made).toHaveLength(1);
  expect(told).toHaveLength(1);
  expect(told[0].reason).toBeInstanceOf(CallExistsError);
  expect((told[0].reason as CallExistsError).existing.id).toBe(made[0].value.id);
  expect((told[0].reason as CallExistsError).problems).toEqual([{ field: "form", code: "callExists", other: "令和10年度 別紙②" }]);
  expect(storedCalls("form2-2028")).toHaveLength(1);
  expect([...t.backend.store.list("PD_Calls")!.items.values()].filter((x) => x.values.FiscalYear === 2028)).toHaveLength(1);
  // Later, too: a second open of the form and year names the first; SharePoint refuses a second key by itself.
  const again = (await refusal(open(b))) as CallExistsError;
  expect(again.existing.id).toBe(made[0].value.id);
  await expect(t.dataAs(7).calls.add({ ...made[0].value, title: "二つ目" })).rejects.toMatchObject({ kind: "duplicate" });
});

test("opening a call again after SharePoint stored it and its answer was lost (a retry) makes no second call: the first is the one opened, the retry is told about it", async () => {
  const data = t.dataAs(7);
  // The call's own write is carried out, then the connection drops before SharePoint's answer.
  const dropping = new Proxy(data, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop !== "calls") return typeof v === "function" ? v.bind(target) : v;
      return new Proxy(v as object, {
        get(repo, p) {
          const f = Reflect.get(repo, p);
          if (p === "add")
            return (...args: unknown[]) => {
              t.backend.faults.set({ spDropAfterCommit: 1 });
              return (f as (...a: unknown[]) => Promise<unknown>).apply(repo, args);
            };
          return typeof f === "function" ? f.bind(repo) : f;
        },
      });
    },
  }) as typeof data;
  const cycle = new CycleService(dropping, await data.currentUser(), TODAY);
  const year = await cycle.year(2031);
  const recipients = year.departments.filter((d) => d.code === "kodomo-kosodate").map((d) => ({ id: d.id, title: d.title }));
  const open = (svc: CycleService) => svc.openCall({ title: "令和13年度 別紙④", fiscalYear: 2031, form: "form4", deadline: "2032-04-16", message: "", recipientDepartments: recipients, recipientPartners: [] });
  const first = await open(cycle);
  expect(t.backend.faults.state.spDropAfterCommit).toBe(0);
  expect(storedCalls("form4-2031").map((x) => x.Id)).toEqual([first.id]);
  // The coordinator, unsure, presses 開始 again.
  const retry = (await refusal(open(await as(7)))) as CallExistsError;
  expect(retry).toBeInstanceOf(CallExistsError);
  expect(retry.existing.id).toBe(first.id);
  expect(storedCalls("form4-2031")).toHaveLength(1);
});

/** A name at its column's length (255 UTF-16 code units), Japanese with an emoji (a surrogate pair) where a cut would fall. */
const longName = (head: string): string => {
  const body = head + "連".repeat(255 - head.length - 2 - 4) + "😀😀";
  return body + "協定".slice(0, 255 - body.length);
};

describe("an agreement's, a call's or a matching row's name at its allowed length: every title built from it fits (shortened by code points, …), nothing half-made", () => {
  let kosodate: Department;
  beforeAll(async () => {
    kosodate = (await t.dataAs(7).departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  });

  test("survey rows of an agreement named at its length are made and the agreement is 庁内調査中 with them (not stuck with 0 rows)", async () => {
    const data = t.dataAs(7);
    const coord = new AgreementService(data, await data.currentUser(), TODAY);
    const partner = (await data.partners.list())[0];
    const title = longName("清瀬市と");
    expect(title.length).toBe(255);
    const a0 = await coord.start({ title, origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-10-01", proposedContent: "長い名前" }, ["食育に関すること"]);
    const story = await coord.story(a0.id);
    await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-30", briefingPlace: "会議室", briefingDepartmentIds: [kosodate.id], deadline: "2026-12-11", departmentIds: [kosodate.id] });
    expect((await coord.story(a0.id)).agreement.status).toBe("surveying");
    const rows = await data.surveyResponses.list({ where: [{ prop: "agreement", op: "eq", value: { id: a0.id, title: "" } }] });
    expect(rows).toHaveLength(1);
    expect(rows[0].title.length).toBeLessThanOrEqual(255);
    expect(rows[0].title.endsWith("…")).toBe(true);
    expect(rows[0].title.startsWith("清瀬市と連")).toBe(true);
    expect(rows[0].title).not.toMatch(/[\ud800-\udbff]…$/);
  });

  test("a call titled at its column's length opens; one typed longer opens once with its title shortened", async () => {
    const cycle = await as(7);
    const callTitle = longName("令和12年度 ");
    const call = await cycle.openCall({ title: callTitle, fiscalYear: 2030, form: "form4", deadline: "2031-04-17", message: "", recipientDepartments: [{ id: kosodate.id, title: kosodate.title }], recipientPartners: [] });
    expect(call.title).toBe(callTitle);
    const over = await cycle.openCall({ title: "😀".repeat(200), fiscalYear: 2030, form: "form2", deadline: "2031-04-17", message: "", recipientDepartments: [{ id: kosodate.id, title: kosodate.title }], recipientPartners: [] });
    expect(over.title).toBe("😀".repeat(127) + "…");
    expect(storedCalls("form2-2030")).toHaveLength(1);
  });

  test("the reminder of a call titled at its length (「督促: 」 before it) is sent, its title shortened", async () => {
    const data = t.dataAs(7);
    const cycle = await as(7);
    const call = await cycle.openCall({ title: longName("令和14年度 "), fiscalYear: 2032, form: "form4", deadline: "2033-04-15", message: "", recipientDepartments: [{ id: kosodate.id, title: kosodate.title }], recipientPartners: [] });
    const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
    const sent = await cycle.remind(call, await cycle.year(2032), notifications, (d) => `<p>${d.title}</p>`);
    expect(sent).toHaveLength(1);
    expect(sent[0].title.length).toBeLessThanOrEqual(255);
    expect(sent[0].title).toMatch(/^督促: 令和14年度 連+.*…$/u);
  });

  test("a 実施希望 on a matching row named at its length is made, 「（部署名）」 added and the whole fitted", async () => {
    const data = t.dataAs(7);
    const matching = new MatchingService(data, await data.currentUser(), TODAY);
    let my = await matching.year(2026);
    const row = my.matchings.find((m) => m.allDepartments)!;
    await data.matchings.update(row.id, row.etag, { title: longName("") });
    my = await matching.year(2026);
    const long = my.matchings.find((m) => m.id === row.id)!;
    const member = new MatchingService(t.dataAs(11), await t.dataAs(11).currentUser(), TODAY);
    await member.wish(my, long, kosodate, "子育 太郎", "");
    my = await matching.year(2026);
    const wish = my.wishes.find((w) => w.matching?.id === row.id && w.department?.id === kosodate.id)!;
    expect(wish.title.length).toBeLessThanOrEqual(255);
    expect(wish.title.endsWith("…")).toBe(true);
  });
});

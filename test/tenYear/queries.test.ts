import { QueryWatch, startTenYearBackend, TenYearBackend, ThrottleWatch, watchQueries, watchThrottling } from "../fixtures/tenYear";
import { growingLists } from "../../dev/scripts/tenYear";
import { AgreementService } from "../../src/data/services/AgreementService";
import { CycleService } from "../../src/data/services/CycleService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { ResultsService } from "../../src/data/services/ResultsService";
import { TermsService } from "../../src/data/services/TermsService";
import { readPortalAgain, readRegister } from "../../src/data/firstReads";
import { toListValues } from "../../src/data/sp/mapping";
import * as S from "../../src/data/schema/listSchema";
import type { ITeamsNotifier } from "../../src/data/contracts";
import type { AuditEntry } from "../../src/domain/types";

/**
 * The reads the views' tests (views.test.ts) do not make, on a city's tenth year
 * (test/fixtures/tenYear.ts): an agreement's story (its audit trail), a review's look-back, a
 * department's survey rows, a partner's answer, a notice's queue, an early year's five years of
 * results. Beyond "not refused by the
 * backend", every list query sent is checked as SharePoint is reported to run it
 * (PnP-JS-Core#203, maintainers: the rows left "after the first condition over the indexed field
 * should be less than" the threshold): on a list past 5,000 rows, each filtered or ordered column
 * is indexed and the first condition alone matches at most 5,000 rows. See docs/quality.md,
 * "Queries at ten years".
 */

let t: TenYearBackend;
let watch: ThrottleWatch;
let queries: QueryWatch;

const TODAY = "2026-11-24";

beforeAll(async () => {
  t = await startTenYearBackend();
  // A busy register: its agreements' audit entries alone pass 5,000 (status changes, yearly
  // reviews, notices, screenings over ten years), beside the fixture's proposals and answers.
  const rows = Array.from({ length: 5200 }, (_, i) =>
    toListValues(S.auditLog, { title: "見直しを記録", entityList: "Agreements", entityId: 1 + (i % 300), action: "update", detail: "{}" } as Partial<AuditEntry>),
  );
  t.backend.store.bulkAdd(S.listUrlName(S.auditLog), rows, 7, "2020-04-01T00:00:00Z");
}, 120_000);
afterAll(async () => t?.stop());

beforeEach(() => {
  watch = watchThrottling();
  queries = watchQueries();
});
afterEach(() => {
  queries.stop();
  watch.stop();
});

const coordinator = async () => {
  const data = t.dataAs(7);
  return { data, user: await data.currentUser() };
};
const member = async () => {
  const data = t.dataAs(11);
  const user = await data.currentUser();
  expect(user.role).toBe("member");
  return { data, user };
};

test("the site is in its tenth year: every growing list past 5,000 rows, the audit trail busier still", () => {
  for (const l of growingLists) expect(t.figures.rows[l]).toBeGreaterThan(5000);
  expect(t.backend.store.list(S.listUrlName(S.auditLog))!.items.size).toBeGreaterThan(19_000);
});

test("an agreement's story: its items, survey, reviews, terms and audit trail, led by the indexed entry id", async () => {
  const { data, user } = await coordinator();
  const story = await new AgreementService(data, user, TODAY).story(17);
  expect(story.agreement.id).toBe(17);
  expect(story.timeline.length).toBeGreaterThan(10);
  expect(story.timeline.every((e) => e.entityList === "Agreements" && e.entityId === 17)).toBe(true);
  expect(watch.throttled).toEqual([]);
  expect(queries.sent.some((q) => q.list === S.listUrlName(S.auditLog))).toBe(true);
  expect(await queries.unsafe(t)).toEqual([]);
}, 60_000);

test("a review's look-back (results by partner) and a dialog's reload of an agreement's terms", async () => {
  const { data, user } = await coordinator();
  const { agreements, items } = await readRegister(data);
  const a = agreements.find((x) => x.status === "concluded" && x.partner)!;
  const look = await new AgreementService(data, user, TODAY).lookBack(a, items.filter((i) => i.agreement?.id === a.id), TODAY);
  expect(look).toBeTruthy();
  const fresh = await new TermsService(data, user, TODAY).fresh(a.id);
  expect(fresh.agreement.id).toBe(a.id);
  expect(watch.throttled).toEqual([]);
  expect(await queries.unsafe(t)).toEqual([]);
}, 60_000);

test("a department's survey rows read again, and its portal (the year's lists and its own rows)", async () => {
  const { data, user } = await member();
  const portal = await readPortalAgain(data, 2026, user, { configuredCode: "kodomo-kosodate" });
  const own = portal.own.answered.filter((r) => r.agreement && r.department);
  expect(own.length).toBeGreaterThan(0);
  const first = own[0];
  const rows = own.filter((r) => r.agreement!.id === first.agreement!.id && r.department!.id === first.department!.id);
  const again = await new AgreementService(data, user, TODAY).surveyRowsNow(rows);
  expect(again.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  expect(watch.throttled).toEqual([]);
  expect(await queries.unsafe(t)).toEqual([]);
}, 60_000);

test("a partner's answer read again, and a notice queued (its kind's records read to skip those already there)", async () => {
  const { data, user } = await coordinator();
  const year = await new CycleService(data, user, TODAY).year(2026);
  const p = year.cityProposals[0];
  const fresh = await new CycleService(data, user, TODAY).freshAnswer(p);
  expect(fresh.id).toBe(p.id);
  const dept = (await data.departments.list()).find((d) => d.teamId && d.channelId)!;
  const notifier: ITeamsNotifier = { postChannelMessage: async () => ({ messageId: "m1" }) };
  const req = { kind: "surveyNotice" as const, dedupeKey: `notice:survey:test:${dept.id}`, title: "庁内調査", department: dept, message: { html: "<p>x</p>" } };
  await new NotificationService(data, notifier).queue([req]);
  await new NotificationService(data, notifier).queue([req]);
  expect((await data.notifications.list({ where: [{ prop: "dedupeKey", op: "eq", value: req.dedupeKey }] })).length).toBe(1);
  expect(watch.throttled).toEqual([]);
  expect(await queries.unsafe(t)).toEqual([]);
}, 60_000);

test("the results' five years of an early year, picked in year ten: one indexed year a query", async () => {
  const { data, user } = await coordinator();
  const five = await new ResultsService(data, user, TODAY).fiveYears(2021);
  expect(new Set(five.map((r) => r.fiscalYear))).toEqual(new Set([2017, 2018, 2019, 2020, 2021]));
  expect(five.length).toBeGreaterThan(3000);
  expect(watch.throttled).toEqual([]);
  expect(await queries.unsafe(t)).toEqual([]);
}, 60_000);

test("the check itself: an unindexed filter, and a first condition that matches too many rows, are caught", async () => {
  const { data } = await coordinator();
  // Sent as the data layer would, one refused by the backend, one it lets through.
  await data.auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "Agreements" }, { prop: "entityId", op: "eq", value: 17 }] });
  await data.resultReports.list({ where: [{ prop: "title", op: "eq", value: "x" }] }).catch(() => undefined);
  const found = await queries.unsafe(t);
  expect(found.some((f) => f.includes("PD_AuditLog") && f.includes("first condition"))).toBe(true);
  expect(found.some((f) => f.includes("PD_ResultReports") && f.includes("unindexed Title"))).toBe(true);
}, 60_000);

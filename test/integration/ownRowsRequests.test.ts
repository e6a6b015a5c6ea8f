import { startTestBackend, TestBackend } from "../helpers/backend";
import { readOwnRows } from "../../src/data/firstReads";
import { AgreementService } from "../../src/data/services/AgreementService";

/**
 * The portal's own rows for several departments (a coordinator's Teams tab, a clerk of 兼務) cost
 * the same requests as for one: every department's rows are read in one batch, and the checks of
 * where survey answers belong read the coordinator's survey records once for all of them, not once
 * a department in turn (on the ten-year site the coordinator's portal went from 37 requests to 13).
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
  // Eight departments asked in a survey, each with an answer (the rows whose placement is checked against the survey records).
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), "2026-11-24");
  const departments = (await data.departments.list()).slice(0, 8);
  const partner = (await data.partners.list())[0];
  const a = await coord.start({ title: "八部署に聞く協定", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "各部署の連携" }, ["連携に関すること"]);
  const story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-25", briefingPlace: "会議室", briefingDepartmentIds: [], deadline: "2026-12-10", departmentIds: departments.map((d) => d.id) });
  const rows = (await coord.story(a.id)).survey;
  expect(rows).toHaveLength(8);
  await data.surveyResponses.updateMany(rows.map((r) => ({ id: r.id, etag: r.etag, patch: { status: "answered" as const, feasible: true, answeredAt: "2026-11-30T00:00:00Z" } })));
}, 60000);
afterAll(async () => t.stop());

async function requestsFor(n: number): Promise<number> {
  const data = t.dataAs(7);
  const departments = (await data.departments.list()).slice(0, n);
  expect(departments).toHaveLength(n);
  const before = t.backend.requestCount();
  const own = await readOwnRows(data, 2026, departments);
  expect(own.answered.length).toBeGreaterThanOrEqual(n);
  return t.backend.requestCount() - before;
}

test("own rows of one department and of eight: the same number of requests", async () => {
  const one = await requestsFor(1);
  const eight = await requestsFor(8);
  expect(one).toBeLessThanOrEqual(3);
  expect(eight).toBe(one);
});

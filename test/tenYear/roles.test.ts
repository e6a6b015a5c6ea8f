import { startTenYearBackend, TenYearBackend, ThrottleWatch, watchThrottling } from "../fixtures/tenYear";
import { growingLists } from "../../dev/scripts/tenYear";
import { startFirstReads } from "../../src/data/firstReads";
import type { FirstView } from "../../src/data/firstReads";
import { SCHEMA_VERSION } from "../../src/data/schema/listSchema";

/**
 * Every role's first reads on a city's tenth year (test/fixtures/tenYear.ts), against a backend
 * that refuses what SharePoint refuses past 5,000 items (SPQueryThrottledException): who is
 * signed in comes out as on a new site, and no request any first view sends is refused.
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

const TODAY = "2026-11-24";

test("the site is a tenth year: ten fiscal years, 40+ departments, every growing list past the threshold", () => {
  expect(t.figures.fiscalYears).toEqual([2017, 2026]);
  expect(t.figures.departments).toBeGreaterThanOrEqual(40);
  for (const list of growingLists) expect({ list, past: t.figures.rows[list] > 5000 }).toEqual({ list, past: true });
  // Every department has its folder in each list with department rows (setup made them).
  for (const list of ["PD_SurveyResponses", "PD_CityProposals", "PD_ImplementationWishes", "PD_ResultReports"]) expect(t.figures.folders[list]).toBeGreaterThanOrEqual(t.figures.departments);
});

/** Who is signed in, and each first view's reads as a web part starts them, as `userId`. */
async function firstReads(userId: number): Promise<void> {
  const data = t.dataAs(userId);
  for (const view of ["agreements", "annualCycle", "departmentPortal", "results"] as FirstView[]) {
    const reads = startFirstReads(data, TODAY, view);
    await reads.take("user");
    if (view === "agreements") await reads.take("register");
    if (view === "departmentPortal") await reads.take("portal");
  }
}

const cases: Array<[string, number, { role: string; departmentCodes: unknown }]> = [
  // The coordinator ran setup: SharePoint made them a member of every group setup created (the added departments' too).
  ["the coordinator (未来 花子)", 7, { role: "coordinator", departmentCodes: expect.arrayContaining(["kikaku-mirai"]) }],
  ["a member of one department (子育 太郎)", 11, { role: "member", departmentCodes: ["kodomo-kosodate"] }],
  ["a member of two departments (兼務 四郎)", 13, { role: "member", departmentCodes: ["kenko-suishin", "kodomo-kosodate"] }],
  ["a member through a Microsoft 365 group nested in the department's group (防災 次郎)", 12, { role: "member", departmentCodes: ["somu-bosai"] }],
  ["a visitor (閲覧 三郎)", 15, { role: "visitor", departmentCodes: [] }],
];

test.each(cases)("%s keeps their role on the ten-year site, and no first read is refused by the list view threshold", async (_who, userId, expected) => {
  const user = await t.dataAs(userId).currentUser();
  expect({ role: user.role, departmentCodes: [...user.departmentCodes].sort(), siteStatus: user.siteStatus, siteVersion: user.siteVersion }).toEqual({ ...expected, siteStatus: "ready", siteVersion: SCHEMA_VERSION });
  await firstReads(userId);
  expect(watch.throttled).toEqual([]);
});

test("the department portal's first read shows a member their own department's rows", async () => {
  const reads = startFirstReads(t.dataAs(11), TODAY, "departmentPortal");
  const [user, portal] = await Promise.all([reads.take("user")!, reads.take("portal")!]);
  const kosodate = portal.departments.find((d) => d.code === "kodomo-kosodate")!;
  expect(user.role).toBe("member");
  expect(portal.ownOf).toEqual([kosodate.id]);
  // Its own Form 4 rows of the year (fiscal 2026, handed in) are there, and only its own.
  expect(portal.own.results.length).toBeGreaterThan(0);
  expect(new Set(portal.own.results.map((r) => r.department?.id))).toEqual(new Set([kosodate.id]));
  expect(watch.throttled).toEqual([]);
});

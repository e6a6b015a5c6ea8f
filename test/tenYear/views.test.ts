import { QueryWatch, startTenYearBackend, TenYearBackend, ThrottleWatch, watchQueries, watchThrottling } from "../fixtures/tenYear";
import { readPortalAgain, readRegister, startFirstReads } from "../../src/data/firstReads";
import { CycleService } from "../../src/data/services/CycleService";
import { MatchingService } from "../../src/data/services/MatchingService";
import { ResultsService } from "../../src/data/services/ResultsService";
import { TermsService } from "../../src/data/services/TermsService";
import type { CurrentUser } from "../../src/data/contracts";

/**
 * The views' reads on a city's tenth year (test/fixtures/tenYear.ts), as the coordinator and as
 * a department member: the register, the calendar of decisions, the yearly cycle (its year and
 * its feedback lists), the department portal and the results (the year and five years), each
 * through the services and first reads the views use, with no answer refused by the list view
 * threshold and the ten years' rows there. Each query they send is also held to SharePoint's
 * stricter reported rule (watchQueries: every column indexed, the first condition alone matching
 * at most 5,000 rows).
 */

let t: TenYearBackend;
let watch: ThrottleWatch;
let queries: QueryWatch;
beforeAll(async () => {
  t = await startTenYearBackend();
}, 120_000);
afterAll(async () => t?.stop());
beforeEach(() => {
  watch = watchThrottling();
  queries = watchQueries();
});
afterEach(async () => {
  queries.stop();
  watch.stop();
  expect(await queries.unsafe(t)).toEqual([]);
});

const TODAY = "2026-11-24";
const FY = 2026;

const who: Array<[string, number, CurrentUser["role"]]> = [
  ["the coordinator", 7, "coordinator"],
  ["a member (子育 太郎, 子育て支援課)", 11, "member"],
];

describe.each(who)("as %s", (_name, userId, role) => {
  const signedIn = async () => {
    const data = t.dataAs(userId);
    const user = await data.currentUser();
    expect(user.role).toBe(role);
    return { data, user };
  };

  test("the register (agreements, items, partners, departments)", async () => {
    const { data } = await signedIn();
    const reads = startFirstReads(data, TODAY, "agreements");
    const [user, register] = await Promise.all([reads.take("user")!, reads.take("register")!]);
    expect(user.role).toBe(role);
    expect(register.agreements.length).toBeGreaterThanOrEqual(300);
    expect(register.departments.length).toBeGreaterThanOrEqual(40);
    expect((await readRegister(data)).items.length).toBeGreaterThanOrEqual(1000);
    expect(watch.throttled).toEqual([]);
  });

  test("the calendar of decisions", async () => {
    const { data, user } = await signedIn();
    const calendar = await new TermsService(data, user, TODAY).calendar();
    expect(calendar.entries.length).toBeGreaterThan(10);
    expect(watch.throttled).toEqual([]);
  }, 60_000);

  test("the yearly cycle: the year's calls, proposals and results, and its feedback lists", async () => {
    const { data, user } = await signedIn();
    const year = await new CycleService(data, user, TODAY).year(FY);
    expect(year.calls.length).toBeGreaterThanOrEqual(3);
    expect(year.cityProposals.length).toBeGreaterThan(500);
    expect(year.partnerProposals.length).toBeGreaterThan(500);
    const matching = await new MatchingService(data, user, TODAY).year(FY);
    expect(matching.matchings.length).toBeGreaterThan(500);
    expect(matching.issues.length).toBeGreaterThanOrEqual(4);
    expect(watch.throttled).toEqual([]);
  });

  test("the department portal (first read, then a reload)", async () => {
    const { data } = await signedIn();
    const reads = startFirstReads(data, TODAY, "departmentPortal", Promise.resolve({ configuredCode: "kodomo-kosodate" }));
    const [user, portal] = await Promise.all([reads.take("user")!, reads.take("portal")!]);
    const kosodate = portal.departments.find((d) => d.code === "kodomo-kosodate")!;
    expect(portal.ownOf).toContain(kosodate.id);
    expect(portal.matchings.length).toBeGreaterThan(500);
    expect(portal.own.results.filter((r) => r.department?.id === kosodate.id).length).toBeGreaterThan(0);
    const again = await readPortalAgain(data, FY, user, { configuredCode: "kodomo-kosodate" });
    expect(again.ownOf).toEqual(portal.ownOf);
    expect(watch.throttled).toEqual([]);
  });

  test("the results: the year and the last five years", async () => {
    const { data, user } = await signedIn();
    const results = new ResultsService(data, user, TODAY);
    const [year, five] = await Promise.all([results.year(2025), results.fiveYears(2025)]);
    expect(year.rows.length).toBeGreaterThan(500);
    expect(new Set(five.map((r) => r.fiscalYear))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
    expect(watch.throttled).toEqual([]);
  });
});

import { startTestBackend, TestBackend } from "../helpers/backend";
import type { FirstReads, FirstView } from "../../src/data/firstReads";

/**
 * A web part's first reads are two batches starting together (who is signed in, the view's
 * rows). Each POST to $batch needs a request digest; PnPjs's RequestDigest caches one only once it
 * has arrived, so both asked /_api/contextinfo. SafeRetry shares the digest request on its way.
 */
let t: TestBackend;
/** The first reads as a web part starts them, from modules loaded afresh (PnPjs's digest cache empty, as on a page just opened). */
function pageJustOpened(): (userId: number, view: FirstView) => FirstReads {
  let start: ((userId: number, view: FirstView) => FirstReads) | undefined;
  jest.isolateModules(() => {
    const { PartnershipData } = require("../../src/data/sp/PartnershipData") as typeof import("../../src/data/sp/PartnershipData");
    const { spForUrl } = require("../../src/data/sp/spForUrl") as typeof import("../../src/data/sp/spForUrl");
    const { startFirstReads } = require("../../src/data/firstReads") as typeof import("../../src/data/firstReads");
    start = (userId, view) => startFirstReads(new PartnershipData(spForUrl(t.backend.siteUrl, { "X-PD-User": String(userId) }), t.backend.siteUrl), "2026-12-03", view);
  });
  return start!;
}
let sent: string[];
const realFetch = global.fetch;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => {
  sent = [];
  global.fetch = ((url: string, init?: RequestInit) => {
    sent.push(`${init?.method ?? "GET"} ${String(url).replace(t.backend.siteUrl, "")}`);
    return realFetch(url, init);
  }) as typeof fetch;
});
afterEach(() => {
  global.fetch = realFetch;
});

test("two batches starting together send one /_api/contextinfo between them, and both are answered", async () => {
  const reads = pageJustOpened()(7, "agreements");
  const [user, register] = await Promise.all([reads.take("user"), reads.take("register")]);
  expect(user?.id).toBe(7);
  expect(register?.agreements.length).toBeGreaterThan(0);
  expect(sent.filter((s) => s.endsWith("/_api/contextinfo"))).toEqual(["POST /_api/contextinfo"]);
  expect(sent.filter((s) => s.endsWith("/_api/$batch"))).toHaveLength(2);
});

test("two people's requests do not share a digest (the caller's own headers are part of the request)", async () => {
  const open = pageJustOpened();
  const a = open(7, "results");
  const b = open(11, "results");
  const [ua, ub] = await Promise.all([a.take("user"), b.take("user")]);
  expect([ua?.id, ub?.id]).toEqual([7, 11]);
  expect(sent.filter((s) => s.endsWith("/_api/contextinfo"))).toHaveLength(2);
});

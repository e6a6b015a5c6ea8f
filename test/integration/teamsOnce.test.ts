import { startTestBackend, TestBackend } from "../helpers/backend";
import { GraphTeamsNotifier, IGraphApi } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { lazyGraph } from "../../src/data/graph/lazyGraph";
import { NotificationService, outcomeUnknown, SendRequest } from "../../src/data/services/NotificationService";
import { deliveryOutcome } from "../../src/domain/deliveryOutcome";
import type { Department, Notification } from "../../src/domain/types";

/**
 * Issue #31, 2: a Teams post is made once, or is 結果不明 (outcome unknown) — never twice. The
 * Graph client re-sends a POST only after 429; after a 503, a 504, a lost answer or a "sent"
 * record SharePoint refused, the post is 結果不明 and is sent again only on the coordinator's
 * word (`resendUnknown`), or confirmed as posted.
 */

let t: TestBackend;
let dept: Department;
beforeAll(async () => {
  t = await startTestBackend();
  dept = (await t.dataAs(7).departments.list()).find((d) => d.code === "kodomo-kosodate")!;
});
afterAll(async () => t.stop());
afterEach(() => {
  t.backend.faults.set({ graph503: 0, graph504AfterStore: 0, graphDropAfterStore: 0, graph429: 0, sp503: 0, retryAfterSeconds: 1 });
});

/** Messages in the channels whose body contains this text. */
const posted = async (marker: string): Promise<number> =>
  ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: Array<{ body: { content: string } }> }).value.filter((m) => m.body.content.includes(marker)).length;

let n = 0;
const request = (what: string): SendRequest => {
  const marker = `teams-once-${what}-${Date.now()}-${++n}`;
  return { kind: "test", dedupeKey: `test:${marker}`, title: `一度だけ (${what})`, department: dept, message: { html: `<p>${marker}</p>` } };
};
const markerOf = (req: SendRequest): string => /<p>(.*)<\/p>/.exec(req.message.html)![1];
const stored = async (req: SendRequest): Promise<Notification> => (await t.dataAs(7).notifications.list({ where: [{ prop: "dedupeKey", op: "eq", value: req.dedupeKey }] }))[0];

/** 結果不明: claimed (pending, attempted), neither 失敗 nor 送信済, not re-sent by 再送. */
function expectUnknown(r: Notification): void {
  expect(r.status).toBe("pending");
  expect(r.attempts).toBeGreaterThan(0);
  expect(outcomeUnknown(r)).toBe(true);
  const outcome = deliveryOutcome([r]);
  expect(outcome.notDelivered.map((d) => d.reason)).toEqual(["unknown"]);
  expect(outcome.retriable).toBe(false);
}

const service = (graph: IGraphApi = graphForUrl(`${t.backend.url}/graph`)): NotificationService => new NotificationService(t.dataAs(7), new GraphTeamsNotifier(graph));

test("Graph answers 504 after it stored the message: one message in the channel, recorded 結果不明 (not 失敗, not 送信済); 再送 does not post it, the coordinator's word does", async () => {
  const notes = service();
  const req = request("504");
  t.backend.faults.set({ graph504AfterStore: 1 });
  const first = await notes.send(req);
  expect(await posted(markerOf(req))).toBe(1);
  expectUnknown(first);
  expectUnknown(await stored(req));
  expect((await stored(req)).error).toMatch(/^outcomeUnknown: unknown 504/);

  // 再送 (the plain one, right away): nothing is posted.
  expectUnknown(await notes.send(req));
  expect(await posted(markerOf(req))).toBe(1);
  // The coordinator looked and asks: posted again, once.
  const again = await notes.send(req, { resendUnknown: true });
  expect(again.status).toBe("sent");
  expect(await posted(markerOf(req))).toBe(2);
}, 30000);

test("Graph stored the message and the connection dropped before its answer: one message, 結果不明, 再送 posts nothing", async () => {
  const notes = service();
  const req = request("lost");
  t.backend.faults.set({ graphDropAfterStore: 1 });
  expectUnknown(await notes.send(req));
  expect(t.backend.faults.state.graphDropAfterStore).toBe(0);
  expect(await posted(markerOf(req))).toBe(1);
  expectUnknown(await stored(req));
  expect((await stored(req)).error).toMatch(/^outcomeUnknown: network/);
  expectUnknown(await notes.send(req));
  expect(await posted(markerOf(req))).toBe(1);
}, 30000);

test("Graph answers 503 (nothing stored here, but a 503 does not say so): not re-sent by the Graph client, 結果不明, 再送 posts nothing", async () => {
  const notes = service();
  const req = request("503");
  t.backend.faults.set({ graph503: 1, retryAfterSeconds: 0 });
  expectUnknown(await notes.send(req));
  expect(t.backend.faults.state.graph503).toBe(0);
  expect(await posted(markerOf(req))).toBe(0);
  expectUnknown(await stored(req));
  expectUnknown(await notes.send(req));
  expect(await posted(markerOf(req))).toBe(0);
}, 30000);

test("Graph answers 429 (it did nothing): the Graph client waits Retry-After and sends again; posted once, 送信済", async () => {
  const notes = service();
  const req = request("429");
  t.backend.faults.set({ graph429: 1, retryAfterSeconds: 1 });
  const r = await notes.send(req);
  expect(t.backend.faults.state.graph429).toBe(0);
  expect(r.status).toBe("sent");
  expect((await stored(req)).status).toBe("sent");
  expect(await posted(markerOf(req))).toBe(1);
}, 30000);

test("Graph posted it but SharePoint refuses the 'sent' record (503 ×4): 結果不明 with Graph's message id, never 失敗; 再送 posts nothing; the coordinator confirms it as posted", async () => {
  const real = new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`));
  const notes = new NotificationService(t.dataAs(7), {
    postChannelMessage: async (teamId, channelId, message) => {
      const r = await real.postChannelMessage(teamId, channelId, message);
      // SharePoint now answers 503 to the 'sent' update and its three retries; the next write goes through.
      t.backend.faults.set({ sp503: 4, retryAfterSeconds: 0 });
      return r;
    },
  });
  const req = request("sent-record");
  const first = await notes.send(req);
  expect(t.backend.faults.state.sp503).toBe(0);
  expect(await posted(markerOf(req))).toBe(1);
  expectUnknown(first);
  const record = await stored(req);
  expectUnknown(record);
  expect(record.graphMessageId).toMatch(/^\d+$/);
  expect(record.error).toContain(`Graph posted it (message ${record.graphMessageId})`);

  // 再送 without the coordinator's word, by a plain sender: nothing is posted.
  expectUnknown(await service().send(req));
  expect(await posted(markerOf(req))).toBe(1);
  // The coordinator finds it in the channel: 送信済, and never posted again.
  const confirmed = await service().confirmPosted(await stored(req));
  expect(confirmed.status).toBe("sent");
  expect((await stored(req)).status).toBe("sent");
  await service().send(req, { resendUnknown: true });
  expect(await posted(markerOf(req))).toBe(1);
}, 30000);

describe("production's client: SPFx's MSGraphClientV3 runs its own copy of the Graph client", () => {
  // The copy @microsoft/sp-http-msgraph carries (3.0.2), not the project's npm package (3.0.7): its classes are not ours.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const spfxCopy = require("../../node_modules/@microsoft/sp-http-msgraph/node_modules/@microsoft/microsoft-graph-client") as typeof import("@microsoft/microsoft-graph-client");
  const spfxClient = (): import("@microsoft/microsoft-graph-client").Client =>
    spfxCopy.Client.init({ baseUrl: `${t.backend.url}/graph`, defaultVersion: "v1.0", authProvider: (done) => done(null, "local") });

  test("a RetryHandlerOptions imported from the npm package is ignored by that copy (options are looked up by class): a 504 after storing posts twice", async () => {
    const { RetryHandlerOptions } = await import("@microsoft/microsoft-graph-client");
    expect(spfxCopy.RetryHandlerOptions).not.toBe(RetryHandlerOptions);
    const marker = `teams-once-naive-${Date.now()}`;
    t.backend.faults.set({ graph504AfterStore: 1 });
    await spfxClient()
      .api(`/teams/${dept.teamId}/channels/${encodeURIComponent(dept.channelId)}/messages`)
      .middlewareOptions([new RetryHandlerOptions(0, 3, (_d, _a, _req, _opts, res) => res.status === 429)])
      .post({ body: { contentType: "html", content: `<p>${marker}</p>` } });
    expect(await posted(marker)).toBe(2);
  }, 30000);

  test("as the web parts build it (lazyGraph over the client SPFx hands out): a 504 after storing posts once and is 結果不明", async () => {
    const notes = service(lazyGraph(async () => spfxClient()));
    const req = request("spfx-504");
    t.backend.faults.set({ graph504AfterStore: 1 });
    expectUnknown(await notes.send(req));
    expect(await posted(markerOf(req))).toBe(1);
    expectUnknown(await stored(req));
    // A 429 is still waited out and sent again by that copy.
    const req429 = request("spfx-429");
    t.backend.faults.set({ graph429: 1, retryAfterSeconds: 1 });
    expect((await notes.send(req429)).status).toBe("sent");
    expect(await posted(markerOf(req429))).toBe(1);
  }, 30000);
});

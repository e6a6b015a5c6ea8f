import { startTestBackend, TestBackend } from "../helpers/backend";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { DataError } from "../../src/data/contracts";

/** The Graph notifier (same code as production) against the backend's Graph endpoint. */

let t: TestBackend;
let notifier: GraphTeamsNotifier;
const TEAM = "0b6a9d4e-7f3c-4d2a-9a51-2c8e4f6b1a03";
const CHANNEL = "19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2";

beforeAll(async () => {
  t = await startTestBackend();
  notifier = new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`), () => "6f1c0f9e-2d1b-4a8e-9c1d-1f2e3d4c5b6a");
});
afterAll(async () => t.stop());

const messagesIn = async (): Promise<Array<{ body: { content: string }; attachments: Array<{ contentType: string; content: string }> }>> => {
  const r = await fetch(`${t.backend.url}/graph/v1.0/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/messages`);
  return ((await r.json()) as { value: [] }).value;
};

test("posts an HTML message with an Adaptive Card and reads it back", async () => {
  const card = { type: "AdaptiveCard", version: "1.4", body: [{ type: "TextBlock", text: "第1回 フィードバック" }] };
  const { messageId } = await notifier.postChannelMessage(TEAM, CHANNEL, { html: "<p>フィードバック一覧を発行しました。</p>", adaptiveCard: card });
  expect(messageId).toMatch(/^\d+$/);
  const [m] = await messagesIn();
  expect(m.body.content).toContain('<attachment id="6f1c0f9e-2d1b-4a8e-9c1d-1f2e3d4c5b6a"></attachment>');
  expect(m.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
  expect(JSON.parse(m.attachments[0].content)).toEqual(card);
});

test("a 429 is retried after Retry-After by the Graph client and posts once", async () => {
  const before = (await messagesIn()).length;
  t.backend.faults.set({ graph429: 1, retryAfterSeconds: 1 });
  await notifier.postChannelMessage(TEAM, CHANNEL, { html: "<p>retry</p>" });
  expect((await messagesIn()).length).toBe(before + 1);
}, 20000);

test("a 403 is reported as a permission problem; a 500 as an error; nothing is posted", async () => {
  const before = (await messagesIn()).length;
  t.backend.faults.set({ graph403: 1 });
  await expect(notifier.postChannelMessage(TEAM, CHANNEL, { html: "<p>x</p>" })).rejects.toMatchObject({ kind: "forbidden", status: 403 });
  t.backend.faults.set({ graph500: 1 });
  const e = await notifier.postChannelMessage(TEAM, CHANNEL, { html: "<p>x</p>" }).catch((x: DataError) => x);
  expect(e).toBeInstanceOf(DataError);
  expect((e as DataError).status).toBe(500);
  expect((await messagesIn()).length).toBe(before);
}, 20000);

test("malformed ids are refused before any request", async () => {
  const before = t.backend.requestCount();
  await expect(notifier.postChannelMessage("not-a-guid", CHANNEL, { html: "<p>x</p>" })).rejects.toMatchObject({ kind: "validation" });
  await expect(notifier.postChannelMessage(TEAM, "general", { html: "<p>x</p>" })).rejects.toMatchObject({ kind: "validation" });
  expect(t.backend.requestCount()).toBe(before);
});

test("the local Graph enforces Graph's documented 4 requests a second on one team: the fifth answers 429 with Retry-After and is not carried out", async () => {
  const before = (await messagesIn()).length;
  await new Promise((r) => setTimeout(r, 1100));
  const post = (): Promise<Response> =>
    fetch(`${t.backend.url}/graph/v1.0/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body: { contentType: "html", content: "<p>速い</p>" } }) });
  const answers = await Promise.all([post(), post(), post(), post(), post()]);
  expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 429]);
  const refused = answers.find((r) => r.status === 429)!;
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("TooManyRequests");
  await new Promise((r) => setTimeout(r, 1100));
  expect((await messagesIn()).length).toBe(before + 4);
});

test("the notifier spaces its posts to one team under that rate, so a burst of parts is never throttled", async () => {
  await new Promise((r) => setTimeout(r, 1100));
  const throttled = t.backend.graphThrottle.throttled;
  const started = Date.now();
  for (let i = 0; i < 6; i++) await notifier.postChannelMessage(TEAM, CHANNEL, { html: `<p>部分 ${i + 1}</p>` });
  expect(t.backend.graphThrottle.throttled).toBe(throttled);
  expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 300 - 50);
});

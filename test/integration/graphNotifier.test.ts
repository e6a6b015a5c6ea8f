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

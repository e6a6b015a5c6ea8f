import { startTestBackend, TestBackend } from "../helpers/backend";
import { issueDedupeKey, MatchingService } from "../../src/data/services/MatchingService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { isRuleError, RuleError } from "../../src/data/services/ServiceBase";
import { suggestMatches } from "../../src/domain/matching";
import type { Department, Matching } from "../../src/domain/types";

/** Compile, issue and notify a feedback list; retry without duplicates; wishes. */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const graphCount = async (): Promise<number> => ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: unknown[] }).value.length;
const render = (d: Department, rows: Matching[]): { html: string; adaptiveCard: Record<string, unknown> } => ({ html: `<p>${d.title}: ${rows.length}</p>`, adaptiveCard: { type: "AdaptiveCard", version: "1.4", body: [] } });

interface PostedMessage {
  body: { content: string };
  attachments?: Array<{ content?: string }>;
  teamId?: string;
  channelId?: string;
}
/** The row headings (「No.n  件名」) of the Adaptive Card a post carries: where a Form 3 post lists its rows, once. */
const cardRowTitles = (m: PostedMessage): string[] =>
  (m.attachments ?? []).flatMap((a) => (JSON.parse(a.content ?? '{"body":[]}') as { body: Array<{ type: string; items?: Array<{ text: string }> }> }).body.filter((b) => b.type === "Container").map((b) => b.items![0].text));

test("compile an edition from suggestions, reorder, issue to every concerned channel once, retry failures without duplicates", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const suggestions = suggestMatches(year.partnerProposals, year.cityProposals, year.rejected);
  expect(suggestions.length).toBeGreaterThan(0);
  await svc.reject(year, `${suggestions[0].partnerProposal.id}:${suggestions[0].cityProposal.id}`);
  year = await svc.year(2026);
  expect(suggestMatches(year.partnerProposals, year.cityProposals, year.rejected).length).toBe(suggestions.length - 1);

  const issue = await svc.draftIssue(year);
  expect(issue.editionNo).toBe(2);
  const dept = (code: string): Department => year.departments.find((d) => d.code === code)!;
  const kosodate = dept("kodomo-kosodate");
  const joho = dept("somu-joho"); // no channel
  const bosai = dept("somu-bosai");
  await svc.addRows(issue, year, [
    { title: "親子の防災キャンプ", content: "<script>x</script> 夏休みに実施", partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: kosodate.id, title: kosodate.title }, { id: joho.id, title: joho.title }] },
    { title: "避難所の電源確保", content: "移動式電源の提供", partner: { id: 6, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: bosai.id, title: bosai.title }] },
    { title: "市職員向けデータ研修", content: "統計の読み方", partner: { id: 2, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: kosodate.id, title: kosodate.title }] },
  ]);
  year = await svc.year(2026);
  let rows = year.matchings.filter((m) => m.issue?.id === issue.id).sort((a, b) => a.rowNo - b.rowNo);
  expect(rows.map((r) => [r.rowNo, r.contactName])).toEqual([[1, "佐藤 一郎"], [2, "渡辺 陽子"], [3, "鈴木 恵"]]);
  await svc.reorder(issue, [rows[2], rows[0], rows[1]]);
  year = await svc.year(2026);
  rows = year.matchings.filter((m) => m.issue?.id === issue.id).sort((a, b) => a.rowNo - b.rowNo);
  expect(rows.map((r) => r.title)).toEqual(["市職員向けデータ研修", "親子の防災キャンプ", "避難所の電源確保"]);
  await svc.removeRow(issue, rows[0], rows);
  year = await svc.year(2026);
  await svc.addRows(issue, year, [{ title: "市職員向けデータ研修", content: "統計の読み方", partner: { id: 2, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: kosodate.id, title: kosodate.title }] }]);
  year = await svc.year(2026);
  rows = year.matchings.filter((m) => m.issue?.id === issue.id).sort((a, b) => a.rowNo - b.rowNo);
  expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);

  // Issue with one Graph failure: 子育て支援課 and 防災防犯課 have channels, 情報政策課 none.
  const before = await graphCount();
  t.backend.faults.set({ graph500: 1 });
  const first = await svc.issue(issue, year, notes, render);
  expect(first.map((n) => n.status).sort()).toEqual(["failed", "notConfigured", "sent"]);
  expect(await graphCount()).toBe(before + 1);
  const frozen = (await svc.year(2026)).issues.find((i) => i.id === issue.id)!;
  expect(frozen).toMatchObject({ status: "issued", issuedDate: "2026-11-24" });
  expect(((await svc.addRows(frozen, year, []).catch((e: unknown) => e)) as RuleError).problems).toEqual([{ field: "issue", code: "issued" }]);

  // Retry everything twice (as a double click would): only the failed one is posted, once.
  year = await svc.year(2026);
  await Promise.all([svc.issue(frozen, year, notes, render), svc.issue(frozen, year, notes, render)]);
  expect(await graphCount()).toBe(before + 2);
  const records = (await svc.year(2026)).notifications.filter((n) => n.dedupeKey.startsWith(`issue:${issue.id}:`));
  expect(records).toHaveLength(3);
  expect(records.find((n) => n.dedupeKey === issueDedupeKey(issue.id, joho.id))?.status).toBe("notConfigured");
  expect(records.filter((n) => n.status === "sent").map((n) => n.graphMessageId.length > 0)).toEqual([true, true]);
}, 30000);

test("channels: checked ids, a test message; a department's 実施希望 once per row", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const joho = year.departments.find((d) => d.code === "somu-joho")!;
  const bad = (await svc.saveChannel(joho, "team-1", "general").catch((e: unknown) => e)) as RuleError;
  expect(isRuleError(bad) && bad.problems.map((p) => p.code)).toEqual(["invalidTeamId", "invalidChannelId"]);
  await svc.saveChannel(joho, "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9", "19:abcdefabcdefabcdefabcdef@thread.tacv2");
  year = await svc.year(2026);
  const fresh = year.departments.find((d) => d.code === "somu-joho")!;
  expect((await svc.testMessage(fresh, notes, { html: "<p>テスト</p>" })).status).toBe("sent");

  const member = new MatchingService(t.dataAs(11), await t.dataAs(11).currentUser(), "2026-11-24");
  const row = year.matchings.find((m) => m.allDepartments)!;
  const kosodate = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  await expect(member.wish(year, row, fresh, "x", "")).rejects.toMatchObject({ kind: "forbidden" });
  expect(((await member.wish(year, row, kosodate, " ", "").catch((e: unknown) => e)) as RuleError).problems).toEqual([{ field: "contactPerson", code: "required" }]);
  await member.wish(year, row, kosodate, "子育 太郎（内線 1234）", "夏休みに実施したい");
  year = await svc.year(2026);
  await member.wish(year, row, kosodate, "子育 太郎（内線 1235）", "");
  year = await svc.year(2026);
  const wishes = year.wishes.filter((w) => w.matching?.id === row.id);
  expect(wishes.map((w) => [w.department?.title, w.contactPerson])).toEqual([[kosodate.title, "子育 太郎（内線 1235）"]]);
});

test("issuing records its intent first: an edition interrupted part-way leaves every department with a record, 再送 finishes it once; a post whose outcome is unknown is never re-posted unless the coordinator asks", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const issue = await svc.draftIssue(year);
  const kosodate = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const bosai = year.departments.find((d) => d.code === "somu-bosai")!;
  await svc.addRows(issue, year, [
    { title: "夏の防災教室", content: "親子で学ぶ", partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: kosodate.id, title: kosodate.title }, { id: bosai.id, title: bosai.title }] },
  ]);
  year = await svc.year(2026);
  const before = await graphCount();

  // The tab closes right after the intent was recorded: nobody was posted to, both departments have a 未送信 record.
  const frozenNotes = new NotificationService(data, { postChannelMessage: () => new Promise(() => undefined) });
  void svc.issue(issue, year, frozenNotes, render);
  await new Promise((r) => setTimeout(r, 1500));
  const key = (d: Department) => issueDedupeKey(issue.id, d.id);
  const records = async () => (await data.notifications.list({ where: [{ prop: "kind", op: "eq", value: "matchingIssue" }] })).filter((n) => n.dedupeKey.startsWith(`issue:${issue.id}:`));
  expect((await records()).map((n) => n.dedupeKey).sort()).toEqual([key(kosodate), key(bosai)].sort());
  expect(await graphCount()).toBe(before);

  // Both were claimed by the stopped sender (attempts 1, no outcome): within two minutes and after, they are not posted again on their own.
  year = await svc.year(2026);
  const frozen = year.issues.find((i) => i.id === issue.id)!;
  await svc.issue(frozen, year, notes, render);
  expect(await graphCount()).toBe(before);
  // Two minutes later: outcome unknown, still not re-posted without the coordinator's word.
  const store = t.backend.store.list("PD_Notifications")!;
  for (const n of await records()) store.items.get(n.id)!.values.LastAttemptAt = new Date(Date.now() - 3 * 60 * 1000).toISOString();
  await svc.issue(frozen, await svc.year(2026), notes, render);
  expect(await graphCount()).toBe(before);
  const { outcomeUnknown } = await import("../../src/data/services/NotificationService");
  expect((await records()).every((n) => outcomeUnknown(n))).toBe(true);
  // The coordinator checked the channels and asks: each is posted once.
  const sent = await svc.issue(frozen, await svc.year(2026), notes, render, { resendUnknown: true });
  expect(sent.map((n) => n.status)).toEqual(["sent", "sent"]);
  expect(await graphCount()).toBe(before + 2);
  await svc.issue(frozen, await svc.year(2026), notes, render, { resendUnknown: true });
  expect(await graphCount()).toBe(before + 2);
}, 60000);

test("a post Graph accepted whose 'sent' record then fails is not posted again by 再送", async () => {
  const data = t.dataAs(7);
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const before = await graphCount();
  let posted = false;
  const flaky = new NotificationService(data, {
    postChannelMessage: async (teamId, channelId, message) => {
      const r = await new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)).postChannelMessage(teamId, channelId, message);
      posted = true;
      // SharePoint now refuses the record-keeping writes (503, more times than the retries).
      t.backend.faults.set({ sp503: 8, retryAfterSeconds: 0 });
      return r;
    },
  });
  const req = { kind: "test" as const, dedupeKey: `test:lost-record:${Date.now()}`, title: "記録が失われる送信", department: dept, message: { html: "<p>テスト</p>" } };
  await flaky.send(req).catch(() => undefined);
  t.backend.faults.set({ sp503: 0 });
  expect(posted).toBe(true);
  expect(await graphCount()).toBe(before + 1);
  // 再送 right away, and again later: the record was claimed and never closed, so it is not posted twice.
  const again = await notes.send(req);
  expect(again.status).toBe("pending");
  expect(await graphCount()).toBe(before + 1);
});

test("a department's message too large for Teams (45 rows of 1,000 characters) is sent in numbered parts, each under the limit, each once", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const issue = await svc.draftIssue(year);
  const kosodate = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const long = (n: number) => `第${n}の提案。${"子育て世帯を対象に、地域の企業と市が協力して講座と相談会を開く。".repeat(30)}`.slice(0, 1000);
  await svc.addRows(
    issue,
    year,
    Array.from({ length: 45 }, (_, i) => ({ title: `長い提案 ${i + 1}`, content: long(i + 1), partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [{ id: kosodate.id, title: kosodate.title }] })),
  );
  year = await svc.year(2026);
  const before = ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: unknown[] }).value.length;
  // The real builders (the message text and the Adaptive Card that lists the rows), as the screen sends them.
  const { renderFeedback } = await import("../../src/webparts/annualCycle/components/MatchingView");
  const out = await svc.issue(issue, year, notes, renderFeedback("https://city.example/portal"));
  expect(out.every((n) => n.status === "sent")).toBe(true);
  expect(out.length).toBeGreaterThan(1);
  const titles = out.map((n) => n.title).sort();
  expect(titles.every((x, i) => x.includes(`（${i + 1}/${out.length}）`))).toBe(true);
  const messages = ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: PostedMessage[] }).value;
  expect(messages.length - before).toBe(out.length);
  // Every one of the 45 rows reached the department, once (in the card; the message text lists no rows).
  const sentRows = messages.slice(0, out.length).flatMap(cardRowTitles);
  for (let i = 1; i <= 45; i++) expect(sentRows.filter((x) => x.endsWith(` 長い提案 ${i}`))).toHaveLength(1);
  expect(messages.slice(0, out.length).every((m) => !m.body.content.includes("長い提案"))).toBe(true);
  await svc.issue((await svc.year(2026)).issues.find((i) => i.id === issue.id)!, await svc.year(2026), notes, renderFeedback("https://city.example/portal"));
  expect(((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: unknown[] }).value.length - before).toBe(out.length);
}, 60000);

test("the coordinator not a member of two departments' teams: shown before issuing, recorded with the reason and not posted, sent by 再送 once membership is fixed; the local Graph refuses a non-member's post (403)", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const issue = await svc.draftIssue(year);
  const d = (code: string) => year.departments.find((x) => x.code === code)!;
  const [sangyo, shogai, kosodate] = [d("shimin-sangyo"), d("kyoiku-shogai"), d("kodomo-kosodate")];
  await svc.addRows(issue, year, [{ title: "商店街と学校の連携", content: "地域の店が授業に協力", partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: false, targetDepartments: [sangyo, shogai, kosodate].map((x) => ({ id: x.id, title: x.title })) }]);
  year = await svc.year(2026);
  const { issueReadiness, NOT_MEMBER } = await import("../../src/data/services/MatchingService");
  const ready = await issueReadiness(year, issue, notes);
  expect(Object.fromEntries(ready.map((r) => [r.department.code, r.reach]))).toEqual({ "shimin-sangyo": "notMember", "kyoiku-shogai": "notMember", "kodomo-kosodate": "ready" });
  // Graph itself refuses a non-member (so the product never tries).
  await expect(new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)).postChannelMessage(sangyo.teamId, sangyo.channelId, { html: "<p>x</p>" })).rejects.toMatchObject({ kind: "forbidden", status: 403 });
  const before = await graphCount();
  const out = await svc.issue(issue, year, notes, render);
  expect(Object.fromEntries(out.map((n) => [n.department?.id, n.status]))).toEqual({ [sangyo.id]: "failed", [shogai.id]: "failed", [kosodate.id]: "sent" });
  expect(out.filter((n) => n.status === "failed").every((n) => n.error === NOT_MEMBER && n.attempts === 0)).toBe(true);
  expect(await graphCount()).toBe(before + 1);
  // The teams' owners add the coordinator; 再送 reaches both, once.
  const { graphTeams } = await import("../../dev/backend/directory");
  for (const team of graphTeams.filter((x) => x.id === sangyo.teamId || x.id === shogai.teamId)) team.memberIds.push(7);
  try {
    const frozen = (await svc.year(2026)).issues.find((i) => i.id === issue.id)!;
    const again = await svc.issue(frozen, await svc.year(2026), notes, render);
    expect(again.every((n) => n.status === "sent")).toBe(true);
    expect(await graphCount()).toBe(before + 3);
  } finally {
    for (const team of graphTeams.filter((x) => x.id === sangyo.teamId || x.id === shogai.teamId)) team.memberIds = team.memberIds.filter((m) => m !== 7);
  }
}, 60000);

/** Every message the backend's Graph received, newest first. */
const graphMessages = async (): Promise<Array<{ teamId: string; channelId: string; body: { content: string }; attachments: Array<{ content?: string }> }>> =>
  ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: [] }).value;

test("an edition of 70 long rows for all departments arrives in parts, each under the budget, every row once per department, nothing twice, and no post runs into Graph's per-team rate", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  let year = await svc.year(2026);
  const issue = await svc.draftIssue(year);
  const long = (n: number): string => `【全庁${n}】${"地域の企業と市が協力し、市民向けの講座・相談会・体験学習を年間を通じて開く。".repeat(40)}`.slice(0, 1200);
  await svc.addRows(issue, year, Array.from({ length: 70 }, (_, i) => ({ title: `全庁向け提案 ${i + 1}`, content: long(i + 1), partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: true, targetDepartments: [] })));
  year = await svc.year(2026);
  const { renderFeedback } = await import("../../src/webparts/annualCycle/components/MatchingView");
  const { MESSAGE_BUDGET_BYTES } = await import("../../src/data/graph/GraphTeamsNotifier");
  const before = (await graphMessages()).length;
  const throttledBefore = t.backend.graphThrottle.throttled;
  const out = await svc.issue(issue, year, notes, renderFeedback("https://city.example/portal"));
  const reachable = year.departments.filter((d) => d.active && !d.isCoordinator && d.teamId && d.channelId && !["shimin-sangyo", "kyoiku-shogai"].includes(d.code));
  expect(reachable.length).toBeGreaterThan(5);
  const sent = out.filter((n) => n.status === "sent");
  expect(new Set(sent.map((n) => n.department?.id))).toEqual(new Set(reachable.map((d) => d.id)));
  const arrived = (await graphMessages()).slice(0, (await graphMessages()).length - before);
  expect(arrived.length).toBe(sent.length);
  expect(arrived.length).toBeGreaterThan(reachable.length * 2); // several parts each
  for (const m of arrived) expect(Buffer.byteLength(JSON.stringify({ body: m.body, attachments: m.attachments }), "utf8")).toBeLessThanOrEqual(MESSAGE_BUDGET_BYTES);
  for (const d of reachable) {
    const rows = arrived.filter((m) => m.teamId === d.teamId && m.channelId === d.channelId).flatMap(cardRowTitles);
    for (let i = 1; i <= 70; i++) expect(rows.filter((x) => x.endsWith(` 全庁向け提案 ${i}`))).toHaveLength(1);
  }
  // Parts to one team are spaced under Graph's 4 requests a second: none was throttled.
  expect(t.backend.graphThrottle.throttled).toBe(throttledBefore);
  // Issuing again posts nothing.
  await svc.issue((await svc.year(2026)).issues.find((i) => i.id === issue.id)!, await svc.year(2026), notes, renderFeedback("https://city.example/portal"));
  expect((await graphMessages()).length - before).toBe(sent.length);
}, 120000);

test("Graph 429 and 500 in the middle of an edition: a single 429 is waited out, a persistent one and a 500 are recorded as failed, the rest is sent, and 再送 sends only those, once", async () => {
  const data = t.dataAs(7);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  // After the third post, Graph fails: one 500, then four 429s (more than the Graph client's three
  // retries), then one 429. Posts pass one at a time here (the service sends several departments at
  // once), so each fault meets the post it is meant for.
  const inner = graphForUrl(`${t.backend.url}/graph`);
  let posts = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const graph = {
    api: (path: string) => ({
      get: () => inner.api(path).get(),
      post: (c: unknown) => {
        const go = async (): Promise<unknown> => {
          posts++;
          if (posts === 4) t.backend.faults.set({ graph500: 1 });
          if (posts === 6) t.backend.faults.set({ graph429: 4, retryAfterSeconds: 1 });
          if (posts === 7) t.backend.faults.set({ graph429: 1, retryAfterSeconds: 1 });
          return inner.api(path).post(c);
        };
        const mine = queue.then(go, go);
        queue = mine.catch(() => undefined);
        return mine;
      },
    }),
  };
  const notes = new NotificationService(data, new GraphTeamsNotifier(graph));
  let year = await svc.year(2026);
  const issue = await svc.draftIssue(year);
  await svc.addRows(issue, year, [{ title: "全庁の職員研修", content: "データ活用の基礎", partner: { id: 2, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: true, targetDepartments: [] }]);
  year = await svc.year(2026);
  const before = await graphCount();
  const out = await svc.issue(issue, year, notes, render);
  const failed = out.filter((n) => n.status === "failed" && n.attempts > 0);
  expect(failed.map((n) => n.error.split(":")[0]).sort()).toEqual(["throttled 429", "unknown 500"]);
  const sent = out.filter((n) => n.status === "sent");
  expect(await graphCount()).toBe(before + sent.length);
  // 再送 once Graph is well again: the two failed ones, once each; nothing already sent is posted again.
  const again = await svc.issue((await svc.year(2026)).issues.find((i) => i.id === issue.id)!, await svc.year(2026), notes, render);
  expect(again.filter((n) => failed.some((f) => f.id === n.id)).map((n) => n.status)).toEqual(["sent", "sent"]);
  expect(await graphCount()).toBe(before + sent.length + 2);
  const keys = (await data.notifications.list({ where: [{ prop: "kind", op: "eq", value: "matchingIssue" }] })).filter((n) => n.dedupeKey.startsWith(`issue:${issue.id}:`)).map((n) => n.dedupeKey);
  expect(new Set(keys).size).toBe(keys.length);
}, 120000);

test("a message whose outcome is unknown can be confirmed as posted after looking in the channel: recorded as sent with an audit entry, never posted again", async () => {
  const data = t.dataAs(7);
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const req = { kind: "test" as const, dedupeKey: `test:confirm:${Date.now()}`, title: "確認する送信", department: dept, message: { html: "<p>テスト</p>" } };
  // A sender claimed it and never reported back, three minutes ago.
  const stopped = new NotificationService(data, { postChannelMessage: () => new Promise(() => undefined) });
  void stopped.send(req);
  await new Promise((r) => setTimeout(r, 800));
  const store = t.backend.store.list("PD_Notifications")!;
  const [claimed] = await data.notifications.list({ where: [{ prop: "dedupeKey", op: "eq", value: req.dedupeKey }] });
  store.items.get(claimed.id)!.values.LastAttemptAt = new Date(Date.now() - 3 * 60 * 1000).toISOString();
  const [unknown] = await data.notifications.list({ where: [{ prop: "dedupeKey", op: "eq", value: req.dedupeKey }] });
  const { outcomeUnknown } = await import("../../src/data/services/NotificationService");
  expect(outcomeUnknown(unknown)).toBe(true);
  const confirmed = await notes.confirmPosted(unknown);
  expect(confirmed.status).toBe("sent");
  const before = await graphCount();
  expect((await notes.send(req, { resendUnknown: true })).status).toBe("sent");
  expect(await graphCount()).toBe(before);
  const audit = (await data.auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "Notifications" }] })).filter((a) => a.entityId === unknown.id);
  expect(audit.map((a) => a.title)).toEqual(["チャネルで投稿を確認し、送信済みとした"]);
  // Only an unknown outcome can be confirmed.
  await expect(notes.confirmPosted(confirmed)).rejects.toMatchObject({ kind: "validation" });
});

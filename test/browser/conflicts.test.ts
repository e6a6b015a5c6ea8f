import { BrowserHarness, startHarness } from "./harness";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";

/**
 * Conflict dialogs that lead somewhere: someone else saves the same row while a clerk edits it;
 * the clerk's save gets 412, 「最新の内容を読み込む（入力中の内容は残します）」 loads the fresh
 * version (its ETag) without touching what was typed, says what the other person changed, and
 * the second save stores the clerk's text.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const asUser = (id: number): PartnershipData => new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": String(id) }), h.backend.siteUrl);

test("Form 2: a draft changed by someone else meanwhile; reload keeps the clerk's text, shows what changed, and the second save stores it", async () => {
  const data = asUser(11);
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await data.partners.list()).find((p) => p.name === "東和生命保険株式会社")!;
  const agreements = (await data.agreements.list()).filter((a) => a.partner?.id === partner.id && a.status === "concluded").map((a) => a.id);
  const item = (await data.partnershipItems.list()).find((i) => i.agreement && agreements.includes(i.agreement.id))!;
  const draft = await data.cityProposals.add({ title: "競合テストの下書き", fiscalYear: 2026, department: { id: dept.id, title: dept.title }, partner: { id: partner.id, title: partner.name }, partnershipItem: { id: item.id, title: "" }, content: "最初の内容", viewpoint: "comprehensivePlan", answersProposal: null, status: "draft", call: null, sourceId: null });
  const d = await h.open("&only=portal", "", 11);
  await d.page.getByRole("button", { name: "競合テストの下書き" }).click();
  const dlg = d.page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await dlg.getByLabel("提案内容").fill("子育てひろばで家計講座を開く（自分の入力）");
  // Meanwhile a colleague saves the same draft.
  await data.cityProposals.update(draft.id, draft.etag, { content: "同僚が書き換えた内容" });
  await dlg.getByRole("button", { name: "下書き保存" }).click();
  await dlg.getByRole("button", { name: "最新の内容を読み込む（入力中の内容は残します）" }).click();
  await dlg.getByText("ほかの人が次の項目を変更していました: 提案内容", { exact: false }).waitFor();
  expect(await dlg.getByLabel("提案内容").inputValue()).toBe("子育てひろばで家計講座を開く（自分の入力）");
  await h.shot(d.page, "conflict-form2-reloaded.png");
  await dlg.getByRole("button", { name: "下書き保存" }).click();
  await dlg.waitFor({ state: "detached" });
  expect((await data.cityProposals.get(draft.id)).content).toBe("子育てひろばで家計講座を開く（自分の入力）");
  // The 412 itself is logged by Chromium as a failed resource; nothing else went wrong.
  expect(d.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  await d.page.context().close();
}, 90000);

test("Form 4: a row changed by someone else meanwhile; reload keeps the clerk's text and the second save stores it", async () => {
  const data = asUser(11);
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await data.partners.list()).find((p) => p.name === "東和生命保険株式会社")!;
  const row = await data.resultReports.add({ title: "競合テストの取組", fiscalYear: 2026, department: { id: dept.id, title: dept.title }, sectionName: "子育て支援係", rowNo: 1, content: "最初の内容", partner: { id: partner.id, title: partner.name }, partnershipItem: null, matching: null, cityProposal: null, status: "draft", publishedAt: null, sourceId: null });
  const d = await h.open("&today=2027-04-10&only=portal", "", 11);
  const section = d.page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).click();
  await d.page.getByRole("option", { name: "2026年度（令和8年度）" }).click();
  await section.getByRole("button", { name: "編集: 競合テストの取組" }).click();
  const dlg = d.page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
  await dlg.getByLabel("取組内容").fill("親子講座を3回開催、延べ120名参加（自分の入力）");
  await data.resultReports.update(row.id, row.etag, { title: "同僚が直した件名" });
  await dlg.getByRole("button", { name: "保存" }).click();
  await dlg.getByRole("button", { name: "最新の内容を読み込む（入力中の内容は残します）" }).click();
  await dlg.getByText("ほかの人が次の項目を変更していました: 取組の件名", { exact: false }).waitFor();
  expect(await dlg.getByLabel("取組内容").inputValue()).toBe("親子講座を3回開催、延べ120名参加（自分の入力）");
  await dlg.getByRole("button", { name: "保存" }).click();
  await dlg.waitFor({ state: "detached" });
  expect((await data.resultReports.get(row.id)).content).toBe("親子講座を3回開催、延べ120名参加（自分の入力）");
  // The 412 itself is logged by Chromium as a failed resource; nothing else went wrong.
  expect(d.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  await d.page.context().close();
}, 90000);

test("the terms dialog: the agreement saved by another coordinator meanwhile; reload keeps the typed clause, says what changed, and the second save stores it", async () => {
  const data = asUser(7);
  const title = "清瀬市とO'Hara 食品株式会社との包括連携に関する協定";
  const c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("searchbox").fill(title.slice(3, 12));
  await c.page.getByRole("button", { name: `開く: ${title}` }).click();
  const panel = c.page.getByRole("dialog", { name: title });
  const terms = panel.getByRole("region", { name: "協定期間・更新・申出" });
  await terms.getByRole("menuitem", { name: "条件を編集" }).click();
  const dlg = c.page.getByRole("alertdialog", { name: "協定期間・更新の条件" });
  await dlg.getByLabel("条項（原文）").fill("第5条 この協定の有効期間は、締結の日から令和7年3月31日までとする。（自分の入力）");
  // Meanwhile another coordinator changes the notice period.
  const a = (await data.agreements.list()).find((x) => x.title === title)!;
  await data.agreements.update(a.id, a.etag, { noticeMonths: 3 });
  await dlg.getByRole("button", { name: "条件を保存" }).click();
  await dlg.getByRole("button", { name: "最新の内容を読み込む（入力中の内容は残します）" }).click();
  await dlg.getByText("ほかの人が次の項目を変更していました: 協定期間・更新・申出", { exact: false }).waitFor();
  expect(await dlg.getByLabel("条項（原文）").inputValue()).toContain("（自分の入力）");
  await dlg.getByRole("button", { name: "条件を保存" }).click();
  await dlg.waitFor({ state: "detached" });
  expect((await data.agreements.get(a.id)).termClause).toContain("（自分の入力）");
  expect(c.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  await c.page.context().close();
}, 90000);

test("a feedback row: changed by another coordinator while being edited; the dialog stays open on 412, reload keeps the typed text, the second save stores it", async () => {
  const data = asUser(7);
  const c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  await c.page.getByRole("menuitem", { name: "手動で追加" }).click();
  const add = c.page.getByRole("alertdialog", { name: "手動で追加" });
  await add.getByRole("combobox", { name: "別紙①から" }).click();
  await c.page.getByRole("option").nth(1).click();
  await add.getByLabel("提案の件名").fill("競合テストの行");
  // Where the row goes is chosen, never ticked in advance (issue 33, point 2).
  await add.getByRole("radio", { name: "全部署に送る" }).check();
  await add.getByRole("button", { name: "保存" }).click();
  await add.waitFor({ state: "hidden" });
  await c.page.getByRole("button", { name: "編集: 競合テストの行" }).click();
  const ed = c.page.getByRole("alertdialog", { name: /^編集: / });
  await ed.getByLabel("提案内容").fill("夏休みに親子向けに実施（自分の入力）");
  const row = (await data.matchings.list()).find((m) => m.title === "競合テストの行")!;
  await data.matchings.update(row.id, row.etag, { title: "同僚が直した件名" });
  await ed.getByRole("button", { name: "保存" }).click();
  await ed.getByRole("button", { name: "最新の内容を読み込む（入力中の内容は残します）" }).click();
  await ed.getByText("ほかの人が次の項目を変更していました: 提案の件名", { exact: false }).waitFor();
  expect(await ed.getByLabel("提案内容").inputValue()).toBe("夏休みに親子向けに実施（自分の入力）");
  await ed.getByRole("button", { name: "保存" }).click();
  await ed.waitFor({ state: "detached" });
  const saved = await data.matchings.get(row.id);
  expect([saved.title, saved.content]).toEqual(["競合テストの行", "夏休みに親子向けに実施（自分の入力）"]);
  expect(c.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  await c.page.context().close();
}, 90000);

import { BrowserHarness, choose, startHarness, TODAY } from "./harness";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { CycleService } from "../../src/data/services/CycleService";
import type { LookupRef } from "../../src/domain/types";

/**
 * Issue 33, point 2 in Chromium: the Form 3 screen offers an answered city proposal (要協議) and a
 * partner proposal with no city counterpart as rows of their own; the first goes to the department
 * that proposed it, the second asks where it goes; a row added by hand has no destination until the
 * coordinator chooses one (a city proposal picked in it fills in its department).
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test("every candidate is offered, and each row goes to the departments chosen", async () => {
  // What a year brings besides the pairs: a partner proposal no department answered, and a city proposal the partner wants to discuss.
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const cycle = new CycleService(data, await data.currentUser(), TODAY);
  const cy = await cycle.year(2026);
  const partner = (name: string): LookupRef => ({ id: cy.partners.find((x) => x.name === name)!.id, title: name });
  const item = (p: LookupRef): LookupRef => ({ id: cy.itemsOfPartner.get(p.id)![0].id, title: "" });
  const sangyo = cy.departments.find((d) => d.code === "shimin-sangyo")!;
  const korei = cy.departments.find((d) => d.code === "kenko-korei")!;
  const gas = partner("武蔵野ガス株式会社");
  const kita = partner("清瀬北大学");
  await cycle.addPartnerProposal({ title: "ガス機器の安全教室", fiscalYear: 2026, partner: gas, partnershipItem: item(gas), content: "高齢者向けにガス機器の安全な使い方を伝える教室", timing: "anyTime", call: null, receivedDate: TODAY, importKey: "" }, cy);
  const cp = await cycle.saveCityProposal({ title: "学生の地域活動", fiscalYear: 2026, department: { id: sangyo.id, title: sangyo.title }, partner: kita, partnershipItem: item(kita), content: "商店街のイベントに学生が参加する", viewpoint: "comprehensivePlan", answersProposal: null, status: "submitted", call: null, sourceId: null }, cy);
  await cycle.recordAnswer(cp, "discuss", "時期を相談したい", TODAY);

  const c = await h.open("", "annual", 7);
  await c.page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  const candidates = c.page.getByRole("grid", { name: /^フィードバック一覧の候補/ });
  await candidates.getByText("市の提案（企業等の回答: 要協議）").waitFor();
  await candidates.getByText("企業等の提案（市の提案なし）").first().waitFor();
  await h.shot(c.page, "matching-every-candidate.png");

  // The answered city proposal goes to the department that proposed it.
  await c.page.getByRole("button", { name: "採用: 学生の地域活動" }).click();
  const draft = c.page.getByRole("grid", { name: "作成中のフィードバック一覧" });
  await draft.getByRole("row", { name: /学生の地域活動/ }).getByText(sangyo.title).waitFor();
  await c.page.getByRole("button", { name: "採用: 学生の地域活動" }).waitFor({ state: "detached" });

  // The partner proposal alone: the coordinator chooses where it goes; nothing is chosen for them.
  await c.page.getByRole("button", { name: "採用: ガス機器の安全教室" }).click();
  const dialog = c.page.getByRole("alertdialog", { name: "採用: ガス機器の安全教室" });
  await dialog.getByText("送付先を選んでください。", { exact: false }).waitFor();
  expect(await dialog.getByRole("radio", { name: "全部署に送る" }).isChecked()).toBe(false);
  expect(await dialog.getByRole("radio", { name: "部署を選んで送る" }).isChecked()).toBe(false);
  expect(await dialog.getByRole("button", { name: "保存" }).isDisabled()).toBe(true);
  await dialog.getByRole("radio", { name: "部署を選んで送る" }).check();
  await dialog.getByText("送付先の部署を1つ以上選んでください。").waitFor();
  await dialog.getByText(korei.title, { exact: true }).click();
  expect(await dialog.getByRole("checkbox", { name: korei.title }).isChecked()).toBe(true);
  await dialog.getByRole("button", { name: "保存" }).click();
  await dialog.waitFor({ state: "detached" });
  await draft.getByRole("row", { name: /ガス機器の安全教室/ }).getByText(korei.title).waitFor();

  // By hand: no destination until chosen; picking an answered city proposal fills in its department, unpicking it clears it.
  await c.page.getByRole("menuitem", { name: "手動で追加" }).click();
  const hand = c.page.getByRole("alertdialog", { name: "手動で追加" });
  await hand.getByText("送付先を選んでください。", { exact: false }).waitFor();
  expect(await hand.getByRole("radio", { name: "全部署に送る" }).isChecked()).toBe(false);
  await choose(c.page, hand, "別紙②から", `${sangyo.title} → 清瀬北大学: 学生の地域活動`);
  expect(await hand.getByRole("radio", { name: "部署を選んで送る" }).isChecked()).toBe(true);
  expect(await hand.getByRole("checkbox", { name: sangyo.title }).isChecked()).toBe(true);
  await h.shot(c.page, "matching-row-destination.png", { fullPage: false });
  expect(await h.axe(c.page, "document")).toEqual([]);
  await choose(c.page, hand, "別紙②から", "—");
  await hand.getByText("送付先を選んでください。", { exact: false }).waitFor();
  await hand.getByRole("button", { name: "キャンセル" }).click();
  expect(c.errors).toEqual([]);
}, 180000);

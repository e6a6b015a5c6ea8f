import { Page } from "playwright-core";
import { withoutSeededCalls, BrowserHarness, choose, setDate, startHarness } from "./harness";

/**
 * A whole fiscal year, as the guideline plays it, in one run against a fresh backend:
 * an approach, the internal briefing and survey answered by two departments, conclusion;
 * calls for Forms 1 and 2; a partner proposal and a city proposal with the partner's
 * answer; matching, issue and the Teams message; 実施希望; Form 4 after the year ends and
 * publication; three years later the review renews the agreement.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const PARTNER = "株式会社通年試験";
const TITLE = `清瀬市と${PARTNER}との包括連携に関する協定`;
const PDF = { name: "協定書.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% whole year\n") };

async function pick(page: Page, scope: ReturnType<Page["getByRole"]>, combobox: string, option: string): Promise<void> {
  await choose(page, scope, combobox, option);
}

async function closeClean(x: { page: Page; errors: string[] }): Promise<void> {
  expect(x.errors.filter((e) => !/status of (412|500)/.test(e))).toEqual([]);
  await x.page.context().close();
}

test("one fiscal year from the approach to publication, and the renewal three years later", async () => {
  // 1. The approach, its items, the briefing and survey.
  let c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("tab", { name: "企業等" }).click();
  await c.page.getByRole("menuitem", { name: "企業等を追加" }).click();
  const pp = c.page.getByRole("dialog", { name: "企業等を追加" });
  await pp.getByLabel("企業等名").fill(PARTNER);
  await pp.getByLabel("担当者").fill("通年 花子");
  await pp.getByRole("button", { name: "保存" }).click();
  await c.page.getByText("企業等を保存しました。").waitFor();
  await c.page.getByRole("menuitem", { name: "新しい協定" }).click();
  const start = c.page.getByRole("dialog", { name: "新しい協定" });
  await pick(c.page, start, "企業等", PARTNER);
  await start.getByLabel("協定名").fill(TITLE);
  await setDate(start.getByLabel("打診日"), "2026-10-01");
  await start.getByLabel("企業等から提案された協定内容").fill("子育てと防災の分野で包括的に連携したい。");
  await start.getByLabel("連携事項（1行に1つ。上から第1号、第2号…）").fill("子育て支援に関すること\n防災に関すること");
  await start.getByRole("button", { name: "登録する" }).click();
  const panel = c.page.getByRole("dialog", { name: TITLE });
  await panel.getByRole("menuitem", { name: "庁内説明会・庁内調査" }).click();
  const survey = c.page.getByRole("alertdialog", { name: "庁内説明会と庁内調査" });
  await setDate(survey.getByLabel("説明会の日"), "2026-11-26");
  await setDate(survey.getByLabel("回答期限"), "2026-12-18");
  await survey.getByText("子ども家庭部 子育て支援課").click();
  await survey.getByText("総務部 防災防犯課").click();
  await survey.getByRole("button", { name: "調査を開始する" }).click();
  await panel.getByText("回答済 0 / 2").waitFor();
  await closeClean(c);

  // 2. Two departments answer.
  for (const userId of [11, 12]) {
    const d = await h.open("&only=portal", "", userId);
    const form = d.page.getByRole("region", { name: TITLE });
    // 可能性あり for the first item, なし for the others: every item's choice is made.
    const groups = form.getByRole("radiogroup");
    await groups.first().waitFor();
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByText(i === 0 ? "可能性あり" : "可能性なし", { exact: true }).click();
    await form.getByLabel("具体的な事業案").first().fill(userId === 11 ? "親子の防災ワークショップ" : "避難所運営訓練への参加");
    await form.getByRole("button", { name: "回答を送信" }).click();
    await d.page.getByText("回答を送信しました。").waitFor();
    await closeClean(d);
  }

  // 3. Conclusion.
  c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("button", { name: `開く: ${TITLE}` }).click();
  const p2 = c.page.getByRole("dialog", { name: TITLE });
  await p2.getByText("回答済 2 / 2").waitFor();
  await p2.getByRole("menuitem", { name: "締結する" }).click();
  const cd = c.page.getByRole("alertdialog", { name: "協定の締結" });
  await setDate(cd.getByLabel("締結日"), "2026-11-30");
  await setDate(cd.getByLabel("協定期間の開始日"), "2026-12-01");
  await cd.locator("#pd-signed-pdf").setInputFiles(PDF);
  await cd.getByRole("button", { name: "締結を記録する" }).click();
  await p2.getByText("令和11年11月30日").first().waitFor();
  await closeClean(c);

  // 4. Calls for Forms 1 and 2; a partner proposal recorded by the coordinator.
  await withoutSeededCalls(h, 2026, ["form1", "form2"]);
  c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "調査依頼" }).click();
  // Titles as an official 照会 reads (令和, 「…について（依頼）」); Form 1 is the default, first in the year.
  for (const [form, title] of [
    ["別紙①（企業等からの提案）", "令和8年度 包括連携協定に基づく連携事項の提案について（依頼）"],
    ["別紙②（市からの提案）", "令和8年度 包括連携協定に基づく市からの連携提案について（依頼）"],
  ]) {
    await c.page.getByRole("menuitem", { name: "新しい調査依頼" }).click();
    const dlg = c.page.getByRole("alertdialog", { name: "調査依頼の作成" });
    if (form.startsWith("別紙②")) await pick(c.page, dlg, "様式", form);
    expect(await dlg.getByLabel("件名").inputValue()).toBe(title);
    await setDate(dlg.getByLabel("期限"), "2026-12-20");
    await dlg.getByRole("button", { name: "保存" }).click();
    if (form.startsWith("別紙②")) {
      // Opening a call for departments posts its first notice to their channels (issue 18 item 2).
      const done = c.page.getByRole("alertdialog", { name: "調査依頼の作成" });
      await done.getByText(/^依頼を開始し、\d+ 部署の Teams チャネルに通知しました。/).waitFor();
      await h.shot(c.page, "call-opened-notice.png", { fullPage: false });
      await done.getByRole("button", { name: "閉じる" }).click();
    }
    await c.page.getByRole("button", { name: title }).waitFor();
  }
  await c.page.getByRole("tab", { name: "別紙① 企業等からの提案" }).click();
  await c.page.getByRole("menuitem", { name: "提案を登録" }).click();
  const f1 = c.page.getByRole("alertdialog", { name: "提案を登録" });
  await pick(c.page, f1, "企業等", PARTNER);
  await pick(c.page, f1, "該当する連携事項", "第1号 子育て支援に関すること");
  await f1.getByLabel("件名").fill("親子の防災ワークショップ");
  await f1.getByLabel("提案内容").fill("親子で参加できる防災ワークショップを子育てひろばで開く。");
  await f1.getByRole("button", { name: "保存" }).click();
  await c.page.getByRole("gridcell", { name: "親子の防災ワークショップ" }).waitFor();
  await closeClean(c);

  // 5. A department's city proposal to the same partner and item.
  const d = await h.open("&only=portal", "", 11);
  await d.page.getByRole("menuitem", { name: "提案を登録" }).click();
  const f2 = d.page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await pick(d.page, f2, "連携相手企業", PARTNER);
  await pick(d.page, f2, "該当する連携事項", "第1号 子育て支援に関すること");
  await f2.getByLabel("提案の件名").fill("親子防災ワークショップの共催");
  await f2.getByLabel("提案内容").fill("会場と広報を市が担い、講師を企業等にお願いしたい。");
  await f2.getByRole("button", { name: "提出する" }).click();
  await d.page.getByRole("alertdialog", { name: "提出する" }).getByRole("button", { name: "提出する" }).click();
  await d.page.getByRole("button", { name: "親子防災ワークショップの共催" }).waitFor();
  await closeClean(d);

  // 6. The partner's answer, then matching and issue with the Teams message.
  c = await h.open("", "annual", 7);
  await c.page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  await c.page.getByRole("button", { name: "親子防災ワークショップの共催" }).click();
  const ad = c.page.getByRole("alertdialog", { name: "回答を記録" });
  await ad.getByText("可", { exact: true }).click();
  await ad.getByRole("button", { name: "保存" }).click();
  await c.page.getByRole("row", { name: /親子防災ワークショップの共催.*可/ }).waitFor();
  await c.page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  await c.page.getByRole("button", { name: "採用: 親子の防災ワークショップ" }).click();
  await c.page.getByRole("grid", { name: "作成中のフィードバック一覧" }).getByText("親子の防災ワークショップ").first().waitFor();
  const before = h.backend.store.graphMessages.length;
  await c.page.getByRole("menuitem", { name: "発行して Teams に通知" }).click();
  await c.page.getByRole("alertdialog", { name: "発行して Teams に通知" }).getByRole("button", { name: "発行して Teams に通知" }).click();
  // The result bar counts departments (success, partial and failure are told apart).
  await c.page.getByText("1 部署すべてに通知しました。", { exact: false }).first().waitFor();
  expect(h.backend.store.graphMessages.length).toBe(before + 1);
  await c.page.getByTestId("adaptive-card").first().getByText("親子の防災ワークショップ", { exact: false }).first().waitFor();
  await closeClean(c);

  // 7. The department wishes to carry it out, from its Teams tab.
  const tab = await h.open("&host=teams&dept=kodomo-kosodate&only=portal", "", 11);
  await tab.page.getByRole("button", { name: "実施を希望: 親子の防災ワークショップ" }).click();
  const wd = tab.page.getByRole("alertdialog", { name: "実施希望の登録" });
  await wd.getByLabel("部署の担当者（氏名・内線）").fill("子育 太郎（内線 3101）");
  await wd.getByRole("button", { name: "登録する" }).click();
  await tab.page.getByText("希望済み（担当: 子育 太郎（内線 3101））").waitFor();
  await closeClean(tab);

  // 8. Across 1 April: the coordinator asks for Form 4 of the year just ended (the dialog opens on
  //    令和8年度), and the department answers it from its Teams tab, where the call is its first
  //    to-do and leads to 令和8年度 without choosing a year (issue 33, point 1).
  await withoutSeededCalls(h, 2026, ["form4"]);
  c = await h.open("&today=2027-04-05&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "調査依頼" }).click();
  await c.page.getByRole("menuitem", { name: "新しい調査依頼" }).click();
  const f4call = c.page.getByRole("alertdialog", { name: "調査依頼の作成" });
  await pick(c.page, f4call, "様式", "別紙④（実績報告）");
  await f4call.getByRole("combobox", { name: "年度" }).filter({ hasText: "令和8年度" }).waitFor();
  const f4title = await f4call.getByLabel("件名").inputValue();
  expect(f4title).toContain("令和8年度");
  await setDate(f4call.getByLabel("期限"), "2027-05-20");
  await f4call.getByRole("button", { name: "保存" }).click();
  await c.page.getByRole("alertdialog", { name: "調査依頼の作成" }).getByText(/^依頼を開始し、\d+ 部署の Teams チャネルに通知しました。/).waitFor();
  await c.page.getByRole("alertdialog", { name: "調査依頼の作成" }).getByRole("button", { name: "閉じる" }).click();
  await closeClean(c);
  const f4 = await h.open("&host=teams&dept=kodomo-kosodate&only=portal&today=2027-04-10", "", 11);
  const first = f4.page.getByTestId("todo-list").getByRole("listitem").first();
  await first.getByText(f4title, { exact: true }).waitFor();
  await first.getByRole("button", { name: `実績を報告する: ${f4title}` }).click();
  const section = f4.page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).filter({ hasText: "令和8年度" }).waitFor();
  await section.getByRole("menuitem", { name: "取組を追加" }).or(section.getByRole("button", { name: "取組を追加" })).first().click();
  const rd = f4.page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
  // The row the department carried out is offered from 令和8年度's feedback list.
  await rd.getByRole("combobox", { name: "もとになったフィードバックの行（任意）" }).click();
  await f4.page.getByRole("option", { name: /^NO\.\d+ 親子の防災ワークショップ/ }).first().click();
  await rd.getByLabel("取組の件名").fill("親子の防災ワークショップ");
  await rd.getByLabel("取組内容").fill("親子32組が参加し、非常食づくりと避難の練習をした。");
  await pick(f4.page, rd, "連携企業名", PARTNER);
  await pick(f4.page, rd, "該当する連携事項（任意）", "第1号 子育て支援に関すること");
  await rd.getByRole("button", { name: "保存" }).click();
  await section.getByRole("gridcell", { name: "親子の防災ワークショップ", exact: true }).waitFor();
  await section.getByRole("menuitem", { name: "実績報告を提出" }).or(section.getByRole("button", { name: "実績報告を提出" })).first().click();
  await f4.page.getByRole("alertdialog", { name: "実績報告を提出" }).getByRole("button", { name: "実績報告を提出" }).click();
  await f4.page.getByText("1 件を提出しました。").waitFor();
  await h.shot(f4.page, "whole-year-form4-teams-april.png");
  await closeClean(f4);
  const pub = await h.open("&today=2027-04-10&only=results", "", 7);
  await pick(pub.page, pub.page.locator("main"), "年度", "2026年度（令和8年度）");
  await pub.page.getByRole("button", { name: "この年度の実績を公表する" }).click();
  await pub.page.getByRole("alertdialog").getByRole("button", { name: "この年度の実績を公表する" }).click();
  await pub.page.getByText("件を公表済みにしました。", { exact: false }).waitFor();
  await closeClean(pub);

  // 9. Three years on: the review, with the look-back from the results, renews the agreement.
  const rv = await h.open("&today=2029-11-10&only=agreements", "", 7);
  await rv.page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
  await rv.page.getByRole("button", { name: TITLE }).click();
  const p3 = rv.page.getByRole("dialog", { name: TITLE });
  await p3.getByRole("menuitem", { name: "見直しを記録" }).click();
  const rvd = rv.page.getByRole("alertdialog", { name: "3年毎の見直し" });
  await rvd.getByRole("button", { name: "実績報告から集計して入れる" }).click();
  await rvd.getByText("第1号 子育て支援に関すること: 1件", { exact: false }).waitFor();
  await rvd.getByRole("button", { name: "見直しを記録する" }).click();
  await p3.getByText("令和14年11月30日").first().waitFor(); // next review, three years on
  await p3.getByText("第2期", { exact: false }).waitFor();
  await h.shot(rv.page, "whole-year-renewed.png");
  await closeClean(rv);
}, 240000);

import { BrowserHarness, startHarness } from "./harness";

/**
 * Terms as written in Chromium: a term decision recorded as the next term of the chain,
 * terms edited with their dates previewed, the site's defaults changed, and an approach
 * screened and declined citing the unmet criteria beside the survey summary.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const open = async (page: import("playwright-core").Page, title: string): Promise<import("playwright-core").Locator> => {
  await page.getByRole("searchbox").fill(title.slice(3, 12));
  await page.getByRole("button", { name: `開く: ${title}` }).click();
  const panel = page.getByRole("dialog", { name: title });
  await panel.getByRole("region", { name: "協定期間・更新・申出" }).waitFor();
  return panel;
};

test("record an overdue renewal and edit another agreement's terms", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  const gas = await open(page, "清瀬市と武蔵野ガス株式会社との包括連携に関する協定");
  const terms = gas.getByRole("region", { name: "協定期間・更新・申出" });
  await terms.getByText("判断の期日 令和8年3月1日（2026-03-01）", { exact: false }).waitFor();
  await terms.getByRole("menuitem", { name: "期間の判断を記録" }).click();
  const dlg = page.getByRole("alertdialog", { name: "期間の判断" });
  await dlg.getByRole("radio", { name: "更新する（申出なし）" }).waitFor();
  expect(await h.axe(page, "document")).toEqual([]);
  await dlg.getByRole("button", { name: "判断を記録する" }).click();
  await terms.getByRole("table", { name: "期間の記録（更新の連鎖）" }).getByRole("row", { name: /第3期/ }).waitFor();
  await gas.getByText("第3期へ更新").waitFor(); // on the timeline
  await page.keyboard.press("Escape");

  const ohara = await open(page, "清瀬市とO'Hara 食品株式会社との包括連携に関する協定");
  const t2 = ohara.getByRole("region", { name: "協定期間・更新・申出" });
  await t2.getByRole("menuitem", { name: "条件を編集" }).click();
  const edit = page.getByRole("alertdialog", { name: "協定期間・更新の条件" });
  const notice = edit.getByLabel("申出の期限（満了の何か月前）。空欄は満了日まで");
  await notice.fill("12");
  await edit.getByRole("button", { name: "条件を保存" }).click();
  await edit.getByText("申出の期限が期間より長くなっています。").waitFor();
  await notice.fill("2");
  await edit.getByRole("status", { name: "この条件での日付" }).getByText("第2期: 令和7年4月1日（2025-04-01） 〜 令和8年3月31日（2026-03-31）").waitFor();
  await edit.getByRole("button", { name: "条件を保存" }).click();
  await t2.getByText("満了の 2 か月前まで").waitFor();
  await t2.getByText("申出の期限 令和9年1月31日（2027-01-31）", { exact: false }).waitFor();
  await h.shot(page, "agreement-terms.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("screen an approach and decline it citing the unmet criteria; change the site's defaults", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  const title = "清瀬市と株式会社ひばり交通との包括連携に関する協定";
  await page.getByRole("button", { name: `開く: ${title}` }).click();
  const panel = page.getByRole("dialog", { name: title });
  const screening = panel.getByRole("region", { name: "打診時の確認（庁内説明会の前に）" });
  await screening.getByRole("radiogroup", { name: /直接の営業・販売促進/ }).getByText("はい", { exact: true }).click();
  await screening.getByRole("radiogroup", { name: /長期総合計画/ }).getByText("はい", { exact: true }).click();
  await screening.getByRole("button", { name: "確認を保存" }).click();
  await screening.getByText("確認を保存しました。").waitFor();
  await screening.getByText("満たす 1 / 満たさない 1 / 未確認 6", { exact: false }).waitFor();

  await panel.getByRole("menuitem", { name: "見送る" }).click();
  const dlg = page.getByRole("alertdialog", { name: "締結の見送り" });
  // The checklist's outcome beside the survey's.
  await dlg.getByRole("region", { name: "庁内調査の結果" }).getByText("回答済 2 / 4").waitFor();
  const cite = dlg.getByRole("checkbox", { name: "直接の営業・販売促進や広告宣伝を目的としている" });
  expect(await cite.isChecked()).toBe(true);
  await dlg.getByLabel(/見送りの理由/).fill("路線バスの広告掲出が主な目的と判断した。");
  expect(await h.axe(page, "document")).toEqual([]);
  await h.shot(page, "agreement-decline-screening.png");
  await dlg.getByRole("button", { name: "見送りを記録する" }).click();
  await panel.getByText("次の基準により見送り:", { exact: false }).waitFor();
  await panel.getByText("・直接の営業・販売促進や広告宣伝を目的としている（該当）", { exact: false }).waitFor();
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "設定" }).click();
  await page.getByText("月数で定める", { exact: true }).click();
  await page.getByLabel("当初期間（月）").fill("36");
  await page.getByLabel("更新の単位（月）。空欄は更新なし").fill("12");
  await page.getByLabel(/判断の余裕/).fill("45");
  await page.getByRole("button", { name: "設定を保存" }).click();
  await page.getByText("設定を保存しました。").waitFor();
  expect(await h.axe(page)).toEqual([]);
  await h.shot(page, "agreements-settings.png");
  // A new agreement starts with the new defaults.
  await page.getByRole("menuitem", { name: "新しい協定" }).click();
  const start = page.getByRole("dialog", { name: "新しい協定" });
  await start.getByLabel("協定名").fill("既定の条件を試す協定");
  await start.getByRole("combobox", { name: "企業等" }).click();
  await page.getByRole("option", { name: "株式会社みらい電機" }).click();
  await start.getByLabel("企業等から提案された協定内容").fill("防災と地域経済について連携したい。");
  await start.getByLabel(/連携事項/).fill("防災に関すること");
  await start.getByRole("button", { name: "登録する" }).click();
  const created = page.getByRole("dialog", { name: "既定の条件を試す協定" });
  await created.getByText("開始日から 36 か月").waitFor();
  await created.getByText("12 か月ごとに自動更新（以後も同様）").waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

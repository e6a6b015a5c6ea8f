import { restAs } from "../helpers/backend";
import { BrowserHarness, startHarness } from "./harness";

/**
 * Site setup on a site a tenant really has (issue 30): a department folder made the old way (no
 * list item, so no permissions could be set on it) is shown as a repair in the plan and repaired
 * by a run; someone with Edit on the site (a group-connected site's Members) is not offered setup
 * and is told who can run it (siteSetup.test.ts, on a bare site).
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 120000);
afterAll(async () => h?.stop());

const site = "/sites/partnership";
const api = (user: number, path: string, init: { method?: string; body?: unknown } = {}) => restAs(h.backend.siteUrl, user, path, init);

test("a folder made without its list item is planned as 「作り直す」 and repaired by the owner's run", async () => {
  const store = h.backend.store;
  const list = store.list("PD_ImplementationWishes")!;
  const old = [...list.items.values()].find((x) => x.fsObjType === 1 && x.values.Title === "toshi-doro")!;
  // The folder as the old setup left it in a tenant: no list item (and no rows in it).
  for (const it of [...list.items.values()]) if (it.folder === "toshi-doro") store.delete(list, it.Id);
  store.delete(list, old.Id);
  const made = await api(7, `web/getList('${site}/Lists/PD_ImplementationWishes')/rootFolder/folders/addUsingPath(decodedUrl='toshi-doro',overwrite=false)`, { method: "POST" });
  expect(made.status).toBe(200);

  const { page, errors } = await h.open("&only=agreements", "agreements", 7);
  await page.getByRole("tab", { name: "サイトの準備" }).click();
  const setup = page.getByTestId("site-setup");
  await setup.getByText("フォルダー「toshi-doro」は一覧のアイテムを持たない形で作られていて", { exact: false }).waitFor();
  await h.shot(page, "site-setup-repair-folder.png");
  await setup.getByRole("button", { name: "準備を実行する" }).click();
  // The run's result, then the page as it reloads with the repaired site.
  await page.getByText(/サイトの準備が完了しました|このサイトは最新です/).first().waitFor({ timeout: 90000 });
  await page.getByRole("tab", { name: "サイトの準備" }).click();
  await page.getByTestId("site-setup").getByText("このサイトは最新です", { exact: false }).waitFor({ timeout: 60000 });
  const item = (await (await api(7, `web/getFolderByServerRelativePath(decodedUrl='${site}/Lists/PD_ImplementationWishes/toshi-doro')/listItemAllFields?$select=Id,HasUniqueRoleAssignments`)).json()) as { Id?: number; HasUniqueRoleAssignments?: boolean };
  expect(typeof item.Id).toBe("number");
  expect(item.HasUniqueRoleAssignments).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
}, 180000);

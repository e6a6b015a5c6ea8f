import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { AgreementService } from "../../src/data/services/AgreementService";
import { RegisterImportService } from "../../src/data/services/RegisterImportService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { detectColumns } from "../../src/domain/registerImport";

/**
 * Issue 33, point 10f: an agreement imported from a register that does not list its items can
 * have them recorded after conclusion (the register's truth, not a change of the agreement); once
 * recorded they are locked as any concluded agreement's. Also 10e: the origin is 不明.
 */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

test("items recorded once for an agreement imported without any; a concluded agreement made in the product stays locked", async () => {
  const data = t.dataAs(7);
  const user = await data.currentUser();
  const importer = new RegisterImportService(data, user, TODAY);
  const plan = await importer.preview(
    [
      ["株式会社こもれび工務店", "清瀬市と株式会社こもれび工務店との包括連携に関する協定", "令和5年4月1日", "", "期間の定めなし（3年ごとに見直し）"],
      // 10b: a notice in days is stored as days, and the next decision counts back in days.
      ["株式会社しおさい電工", "清瀬市と株式会社しおさい電工との包括連携に関する協定", "令和5年4月1日", "(1)防災に関すること", "締結の日から1年間とし、満了の30日前までに申出がなければ1年間更新し、以後も同様とする。"],
    ],
    detectColumns(["協定先", "協定名", "締結日", "連携事項", "協定期間"]),
    2,
  );
  expect(plan[0].warnings).toContainEqual({ field: "items", code: "noItems" });
  expect(await importer.importRows(plan)).toMatchObject({ created: 2 });
  const days = (await data.agreements.list()).find((a) => a.title === "清瀬市と株式会社しおさい電工との包括連携に関する協定")!;
  expect(days).toMatchObject({ noticeDays: 30, noticeMonths: null, termEnd: "2027-03-31", nextDecisionDate: "2027-01-30", origin: "unknown" });
  const service = new AgreementService(data, user, TODAY);
  const imported = (await data.agreements.list()).find((a) => a.title === "清瀬市と株式会社こもれび工務店との包括連携に関する協定")!;
  expect(imported).toMatchObject({ status: "concluded", origin: "unknown" });

  let story = await service.story(imported.id);
  expect(story.items).toEqual([]);
  await service.saveItems(story.agreement, story.items, ["住まいの防災に関すること", "", "地域の木材の活用に関すること"]);
  story = await service.story(imported.id);
  expect(story.items.map((i) => [i.itemNo, i.text])).toEqual([
    [1, "住まいの防災に関すること"],
    [2, "地域の木材の活用に関すること"],
  ]);
  // Recorded once: now they are the concluded agreement's content, locked.
  expect(((await refusal(service.saveItems(story.agreement, story.items, ["別の事項"]))) as RuleError).problems).toEqual([{ field: "items", code: "itemsLocked" }]);
  // A screen still showing "no items" (another coordinator recorded them meanwhile) does not add a second list.
  expect(((await refusal(service.saveItems(story.agreement, [], ["別の事項"]))) as RuleError).problems).toEqual([{ field: "items", code: "itemsLocked" }]);
  expect((await service.story(imported.id)).items).toHaveLength(2);

  // An agreement concluded in the product (not imported) cannot take items after conclusion.
  const own = (await data.agreements.list()).find((a) => a.status === "concluded" && !a.importKey)!;
  const ownStory = await service.story(own.id);
  expect(((await refusal(service.saveItems(ownStory.agreement, [], ["追加の事項"]))) as RuleError).problems).toEqual([{ field: "items", code: "itemsLocked" }]);
});

import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { RequestContactService } from "../../src/data/services/RequestContactService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { DataError } from "../../src/data/contracts";

/** The coordinator's contact for the letters to partners (issue 33, point 4), kept in the settings list. */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function serviceAs(userId: number): Promise<RequestContactService> {
  const data = t.dataAs(userId);
  return new RequestContactService(data, await data.currentUser(), TODAY);
}

const contact = { sender: "清瀬市 企画部 未来創造課", person: "山田 花子", phone: "042-492-5111", email: "mirai@city.example.jp" };

test("unsaved, the sender is the coordinator's division; saved once, every later letter reads it; a changed key alone is rewritten", async () => {
  const s = await serviceAs(7);
  const first = await s.load("企画部 未来創造課");
  expect(first.contact).toEqual({ sender: "企画部 未来創造課", person: "", phone: "", email: "" });
  await s.save(contact, first.settings);
  const second = await (await serviceAs(8)).load("企画部 未来創造課");
  expect(second.contact).toEqual(contact);
  const rows = () => second.settings.filter((r) => r.key.startsWith("request"));
  expect(rows().map((r) => r.key).sort()).toEqual(["requestContactEmail", "requestContactPerson", "requestContactPhone", "requestSender"]);

  const before = new Map(rows().map((r) => [r.key, r.etag]));
  await s.save({ ...contact, phone: "042-492-5112" }, second.settings);
  const third = await s.load("");
  expect(third.contact.phone).toBe("042-492-5112");
  for (const r of third.settings.filter((x) => x.key.startsWith("request"))) {
    if (r.key === "requestContactPhone") expect(r.etag).not.toBe(before.get(r.key));
    else expect(r.etag).toBe(before.get(r.key));
  }
});

test("a contact without sender or way to reach the coordinator is refused before anything is written; members may read but not change it", async () => {
  const s = await serviceAs(7);
  const { settings } = await s.load("");
  const bad = await refusal(s.save({ sender: "", person: "", phone: "", email: "x@" }, settings));
  expect(bad).toBeInstanceOf(RuleError);
  expect((bad as RuleError).problems).toEqual([{ field: "sender", code: "required" }, { field: "email", code: "invalidEmail" }]);

  const member = await serviceAs(11);
  expect((await member.load("")).contact.sender).toBe("清瀬市 企画部 未来創造課");
  const refused = await refusal(member.save({ ...contact, person: "部署 太郎" }, settings));
  expect(refused).toBeInstanceOf(DataError);
  expect((refused as DataError).kind).toBe("forbidden");
  // Past the service, SharePoint itself refuses a member's write to the settings list.
  const row = settings.find((r) => r.key === "requestContactPerson")!;
  const direct = await refusal(t.dataAs(11).settings.update(row.id, row.etag, { value: "部署 太郎" }));
  expect((direct as DataError).kind).toBe("forbidden");
  expect((await s.load("")).contact.person).toBe("山田 花子");
});

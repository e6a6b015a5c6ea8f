import { startTestBackend, TestBackend } from "../helpers/backend";

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

test("reads seeded agreements through PnPjs", async () => {
  const data = t.dataAs();
  const agreements = await data.agreements.list();
  expect(agreements.length).toBe(12);
  expect(agreements[0].partner?.title).toBe("株式会社みらい電機");
});

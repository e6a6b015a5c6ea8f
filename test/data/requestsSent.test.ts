/** The signal a web part waits on before fetching its view's code (src/data/sp/requestsSent). */
type Signal = typeof import("../../src/data/sp/requestsSent");
const fresh = (): Signal => {
  let m: Signal | undefined;
  jest.isolateModules(() => {
    m = require("../../src/data/sp/requestsSent") as Signal;
  });
  return m!;
};

test("resolves when the page's first $batch is sent, not on a digest or a single GET before it", async () => {
  const { firstBatchSent, noteSending } = fresh();
  let done = false;
  const waiting = firstBatchSent(10_000).then(() => (done = true));
  noteSending("https://city.sharepoint.com/sites/partnership/_api/contextinfo");
  noteSending("https://city.sharepoint.com/sites/partnership/_api/web/lists/getByTitle('PD_Departments')/items");
  await Promise.resolve();
  expect(done).toBe(false);
  noteSending("https://city.sharepoint.com/sites/partnership/_api/$batch");
  await waiting;
  expect(done).toBe(true);
  // Once sent, later callers (a second web part on the page) do not wait.
  const start = Date.now();
  await firstBatchSent(10_000);
  expect(Date.now() - start).toBeLessThan(50);
});

test("resolves after the longest wait when no batch goes out (a failed digest, a site not found), so the view is never held back", async () => {
  const { firstBatchSent } = fresh();
  const start = Date.now();
  await firstBatchSent(60);
  expect(Date.now() - start).toBeGreaterThanOrEqual(55);
  expect(Date.now() - start).toBeLessThan(1_000);
});

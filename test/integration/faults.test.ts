import * as net from "net";
import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { CycleService, ImportRow } from "../../src/data/services/CycleService";
import { DataError, read } from "../../src/data/contracts";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { isReadOnly } from "../../src/data/sp/safeRetry";

/**
 * Writes under faults (issue: writes that survive faults). Each test ends by checking the
 * stored rows themselves: nothing missing, nothing twice.
 */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function as(userId: number): Promise<CycleService> {
  const data = t.dataAs(userId);
  return new CycleService(data, await data.currentUser(), TODAY);
}

const stored = (list: string, where: (v: Record<string, unknown>) => boolean) => [...t.backend.store.list(list)!.items.values()].filter((x) => x.fsObjType !== 1 && where(x.values));

async function form1Rows(coord: CycleService, tag: string): Promise<ImportRow[]> {
  const year = await coord.year(2026);
  const partner = year.partners.find((p) => p.name === "株式会社みらい電機")!;
  const items = year.itemsOfPartner.get(partner.id)!;
  return [1, 2, 3, 4, 5].map((n) => ({ rowNumber: 5 + n, partnerName: partner.name, itemText: items[n % items.length].text, title: `${tag} ${n}`, content: `${tag}の内容 ${n}`, timing: "startOfYear" as const }));
}

test("only reads are ever re-sent after a lost answer: a GET or a $batch of GETs, never a write", () => {
  expect(isReadOnly("https://x/sites/p/_api/web/lists", { method: "GET" })).toBe(true);
  expect(isReadOnly("https://x/sites/p/_api/$batch", { method: "POST", body: "--batch_1\nGET https://x/_api/web HTTP/1.1\n" })).toBe(true);
  expect(isReadOnly("https://x/sites/p/_api/$batch", { method: "POST", body: "--batch_1\nContent-Type: multipart/mixed; boundary=\"changeset_2\"\n--changeset_2\nPOST …" })).toBe(false);
  expect(isReadOnly("https://x/sites/p/_api/web/lists/items", { method: "POST", body: "{}" })).toBe(false);
});

test("a Form 1 import whose batch answer is lost after SharePoint committed it is not written twice; the screen is told, and importing again adds nothing", async () => {
  const coord = await as(7);
  const rows = await form1Rows(coord, "切断後");
  let year = await coord.year(2026);
  t.backend.faults.set({ spDropAfterCommit: 1 });
  const before = t.backend.requestCount();
  // The five rows were committed; the answer was lost. The import reads back what exists and finds them all.
  const report = await coord.importPartnerProposals(rows, year, null);
  expect(report).toMatchObject({ imported: 5, errors: [] });
  expect(t.backend.faults.state.spDropAfterCommit).toBe(0);
  expect(t.backend.requestCount() - before).toBeLessThan(6);
  expect(stored("PD_PartnerProposals", (v) => String(v.Title).startsWith("切断後"))).toHaveLength(5);
  year = await coord.year(2026);
  expect((await coord.importPartnerProposals(rows, year, null)).duplicates).toBe(5);
  expect(stored("PD_PartnerProposals", (v) => String(v.Title).startsWith("切断後"))).toHaveLength(5);
});

test("two coordinators import the same workbook at once: each row is stored once (ImportKey is unique in SharePoint)", async () => {
  const a = await as(7);
  const b = await as(7);
  const rows = await form1Rows(a, "同時取込");
  const [ya, yb] = await Promise.all([a.year(2026), b.year(2026)]);
  const [ra, rb] = await Promise.all([a.importPartnerProposals(rows, ya, null), b.importPartnerProposals(rows, yb, null)]);
  expect(ra.imported + rb.imported + ra.duplicates + rb.duplicates).toBe(10);
  expect(stored("PD_PartnerProposals", (v) => String(v.Title).startsWith("同時取込"))).toHaveLength(5);
});

test("a single write whose answer is lost is not re-sent: one row, and the error says the outcome is unknown", async () => {
  const data = t.dataAs(7);
  t.backend.faults.set({ spDropAfterCommit: 1 });
  const e = (await refusal(data.partners.add({ name: "株式会社切断テスト", kana: "セツダンテスト", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" }))) as DataError;
  expect(e).toMatchObject({ kind: "network", detail: { outcomeUnknown: true } });
  expect(stored("PD_Partners", (v) => v.Title === "株式会社切断テスト")).toHaveLength(1);
});

test("a write refused with 503 (SharePoint did nothing) is sent again after Retry-After, and stored once", async () => {
  const data = t.dataAs(7);
  t.backend.faults.set({ sp503: 1, retryAfterSeconds: 0 });
  await data.partners.add({ name: "株式会社再送テスト", kana: "サイソウテスト", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  expect(stored("PD_Partners", (v) => v.Title === "株式会社再送テスト")).toHaveLength(1);
});

describe("with SharePoint unreachable, every repository method settles within seconds with a typed error", () => {
  let data: PartnershipData;
  beforeAll(async () => {
    // A port nothing listens on.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    data = new PartnershipData(spForUrl(`http://127.0.0.1:${port}/sites/partnership`, { "X-PD-User": "7" }), `http://127.0.0.1:${port}/sites/partnership`);
  });
  const partner = { name: "x", kana: "", kind: "company" as const, address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" };
  const within = async (what: string, p: Promise<unknown>): Promise<void> => {
    const t0 = Date.now();
    const e = (await refusal(p)) as DataError;
    expect({ what, kind: e.kind }).toEqual({ what, kind: "network" });
    expect(Date.now() - t0).toBeLessThan(5000);
  };
  test.each([
    ["list", () => data.partners.list()],
    ["get", () => data.partners.get(1)],
    ["add", () => data.partners.add(partner)],
    ["update", () => data.partners.update(1, "*", { name: "y" })],
    ["remove", () => data.partners.remove(1, "*")],
    ["addMany", () => data.partners.addMany([partner, partner])],
    ["updateMany", () => data.partners.updateMany([{ id: 1, etag: "*", patch: { name: "y" } }])],
    ["removeMany", () => data.partners.removeMany([{ id: 1, etag: "*" }])],
    ["readMany", () => data.readMany({ partners: read(data.partners), departments: read(data.departments) })],
    ["currentUser", () => data.currentUser()],
    ["addSubmitted", () => data.resultReports.addSubmitted([{ title: "x", fiscalYear: 2026, department: { id: 1, title: "" }, sectionName: "", rowNo: 1, content: "x", partner: { id: 1, title: "" }, partnershipItem: null, matching: null, cityProposal: null, status: "submitted", publishedAt: null, sourceId: null }], 2026)],
    ["submissions.open", () => data.submissions.open("resultReports", 2026, ["kodomo-kosodate"])],
    ["submissions.lock", () => data.submissions.lock("resultReports", 2026)],
    ["listAttachments", () => data.publications.listAttachments(1)],
  ] as Array<[string, () => Promise<unknown>]>)("%s", async (what, run) => within(what, run()), 15000);
});

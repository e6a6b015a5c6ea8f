import { placeRowsInDepartmentFolders } from "../../dev/backend/sites";
import { startTestBackend, TestBackend } from "../helpers/backend";
import { read, isDataError, DataError } from "../../src/data/contracts";
import * as S from "../../src/data/schema/listSchema";
import { toListValues } from "../../src/data/sp/mapping";
import type { Partner, ResultReport } from "../../src/domain/types";

/**
 * The product's real data layer (PnPjs v4 through spForUrl) against the local backend:
 * the behaviours issue #2 asks to see.
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const newPartner = (name: string): Omit<Partner, "id" | "etag" | "modified"> => ({
  name,
  kana: "",
  kind: "company",
  address: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  website: "",
});

async function expectDataError(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (e) {
    if (isDataError(e)) return e;
    throw e;
  }
  throw new Error("expected a DataError");
}

describe("OData string literals", () => {
  test.each(["O'Reilly", "株式会社'試験'", "A&B 'x' eq 'y' or 1 eq 1", "100% #1 + ?"])("%s round-trips and filters exactly", async (name) => {
    const data = t.dataAs();
    const created = await data.partners.add(newPartner(name));
    expect(created.name).toBe(name);
    const found = await data.partners.list({ where: [{ prop: "name", op: "eq", value: name }] });
    expect(found.map((p) => p.id)).toEqual([created.id]);
    const byPrefix = await data.partners.list({ where: [{ prop: "name", op: "startsWith", value: name.slice(0, 3) }] });
    expect(byPrefix.map((p) => p.id)).toContain(created.id);
  });

  test("an apostrophe cannot widen a filter", async () => {
    const data = t.dataAs();
    const all = await data.partners.list();
    const injected = await data.partners.list({ where: [{ prop: "name", op: "eq", value: "x' or Title ne 'x" }] });
    expect(all.length).toBeGreaterThan(5);
    expect(injected).toEqual([]);
  });
});

describe("ETags", () => {
  test("an update with a stale ETag is refused with a conflict and changes nothing", async () => {
    const data = t.dataAs();
    const p = await data.partners.add(newPartner("ETag 試験株式会社"));
    const etag2 = await data.partners.update(p.id, p.etag, { contactName: "最初の担当者" });
    expect(etag2).not.toBe(p.etag);
    const err = await expectDataError(data.partners.update(p.id, p.etag, { contactName: "古い画面からの保存" }));
    expect(err.kind).toBe("conflict");
    expect(err.status).toBe(412);
    const now = await data.partners.get(p.id);
    expect(now.contactName).toBe("最初の担当者");
    expect(now.etag).toBe(etag2);
  });

  test("delete with a stale ETag is refused too", async () => {
    const data = t.dataAs();
    const p = await data.partners.add(newPartner("削除 試験株式会社"));
    await data.partners.update(p.id, p.etag, { kana: "サクジョ" });
    expect((await expectDataError(data.partners.remove(p.id, p.etag))).kind).toBe("conflict");
    const fresh = await data.partners.get(p.id);
    await data.partners.remove(p.id, fresh.etag);
    expect((await expectDataError(data.partners.get(p.id))).kind).toBe("notFound");
  });
});

describe("validation and uniqueness", () => {
  test("the data layer refuses an over-long name before sending anything", async () => {
    const data = t.dataAs();
    const before = t.backend.requestCount();
    const err = await expectDataError(data.partners.add(newPartner("長".repeat(256))));
    expect(err.kind).toBe("validation");
    expect(err.problems).toEqual([{ prop: "name", code: "tooLong", limit: 255 }]);
    expect(t.backend.requestCount()).toBe(before);
  });

  test("a duplicate partner name is refused by the unique column", async () => {
    const data = t.dataAs();
    await data.partners.add(newPartner("重複 試験株式会社"));
    expect((await expectDataError(data.partners.add(newPartner("重複 試験株式会社")))).kind).toBe("duplicate");
  });
});

describe("large lists and the list view threshold", () => {
  const FY = 2031;
  beforeAll(() => {
    // 6,000 results rows for one fiscal year, loaded directly into the store (as a migration would).
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 6000; i++) {
      rows.push(
        toListValues(S.resultReports, {
          title: `取組 ${i + 1}`,
          fiscalYear: FY,
          department: { id: 1 + (i % 12), title: "" },
          sectionName: "",
          rowNo: i + 1,
          content: `内容 ${i}`,
          partner: { id: 1 + (i % 10), title: "" },
          partnershipItem: null,
          matching: null,
          cityProposal: null,
          status: "submitted",
          publishedAt: null,
        } as Partial<Omit<ResultReport, "id" | "etag" | "modified">>),
      );
    }
    t.backend.store.bulkAdd("PD_ResultReports", rows, 7);
    // Each in its department's submission folder of the year, as a migration would put it (rows elsewhere are not read).
    placeRowsInDepartmentFolders(t.backend.store);
  });

  test("reads 6,000 items through an indexed filter, paging past 5,000", async () => {
    const data = t.dataAs();
    // The departments' codes (to check each row's folder) are read once, at the first read of department rows.
    await data.resultReports.list({ limit: 1 });
    const before = t.backend.requestCount();
    const rows = await data.resultReports.list({ where: [{ prop: "fiscalYear", op: "eq", value: FY }] });
    expect(rows).toHaveLength(6000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(6000);
    expect(rows[5999].title).toBe("取組 6000");
    expect(t.backend.requestCount() - before).toBe(2);
  });

  test("a filter on an unindexed column fails with the threshold error", async () => {
    const data = t.dataAs();
    const err = await expectDataError(data.resultReports.list({ where: [{ prop: "title", op: "eq", value: "取組 1" }] }));
    expect(err.kind).toBe("threshold");
    expect(err.message).toMatch(/list view threshold/);
  });

  test("ordering by an unindexed column fails too, but an indexed filter that narrows first works", async () => {
    const data = t.dataAs();
    expect((await expectDataError(data.resultReports.list({ orderBy: [{ prop: "rowNo" }] }))).kind).toBe("threshold");
    const few = await data.resultReports.list({
      where: [
        { prop: "department", op: "eq", value: { id: 3, title: "" } },
        { prop: "title", op: "startsWith", value: "取組 1" },
      ],
    });
    expect(few.length).toBeGreaterThan(0);
    expect(few.every((r) => r.department?.id === 3 && r.title.startsWith("取組 1"))).toBe(true);
  });

  test("a batched read that fills a page continues past 5,000", async () => {
    const data = t.dataAs();
    const r = await data.readMany({ results: read(data.resultReports, { where: [{ prop: "fiscalYear", op: "eq", value: FY }] }) });
    expect(r.results).toHaveLength(6000);
  });
});

describe("batching and retries", () => {
  test("three lists are read in one HTTP request", async () => {
    const data = t.dataAs();
    await data.currentUser(); // the request digest is fetched once, before the first $batch
    const before = t.backend.requestCount();
    const r = await data.readMany({
      partners: read(data.partners),
      departments: read(data.departments, { where: [{ prop: "active", op: "eq", value: true }] }),
      agreements: read(data.agreements, { where: [{ prop: "status", op: "eq", value: "concluded" }] }),
    });
    expect(t.backend.requestCount() - before).toBe(1);
    expect(r.partners.length).toBeGreaterThanOrEqual(12);
    expect(r.departments).toHaveLength(12);
    expect(r.agreements).toHaveLength(10);
    expect(r.agreements.every((a) => a.status === "concluded" && a.partner !== null)).toBe(true);
  });

  test("a 429 with Retry-After is retried and the read succeeds", async () => {
    const data = t.dataAs();
    t.backend.faults.set({ sp429: 1, retryAfterSeconds: 1 });
    const before = t.backend.requestCount();
    const started = Date.now();
    const partners = await data.partners.list({ limit: 3 });
    expect(partners).toHaveLength(3);
    expect(t.backend.requestCount() - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  test("a 503 is retried as well", async () => {
    const data = t.dataAs();
    t.backend.faults.set({ sp503: 1, retryAfterSeconds: 0 });
    expect(await data.departments.list()).toHaveLength(12);
  });

  test("a read batch whose connection drops is re-sent and completes", async () => {
    const data = t.dataAs();
    t.backend.faults.set({ spDropBatch: 1 });
    const before = t.backend.requestCount();
    const r = await data.readMany({ partners: read(data.partners), departments: read(data.departments) });
    expect(r.departments).toHaveLength(12);
    expect(t.backend.requestCount() - before).toBe(2);
    expect(t.backend.faults.state.spDropBatch).toBe(0);
  });
});

describe("current user, roles and per-list permissions", () => {
  test("roles come from site groups", async () => {
    expect((await t.dataAs(7).currentUser()).role).toBe("coordinator");
    const member = await t.dataAs(11).currentUser();
    expect(member.role).toBe("member");
    expect(member.departmentCodes).toEqual(["kodomo-kosodate"]);
    expect((await t.dataAs(15).currentUser()).role).toBe("visitor");
  });

  test("a department member cannot edit agreements, nor another department's proposals, but can edit its own", async () => {
    const member = t.dataAs(11);
    const [agreement] = await member.agreements.list({ limit: 1 });
    expect((await expectDataError(member.agreements.update(agreement.id, agreement.etag, { briefingPlace: "x" }))).kind).toBe("forbidden");

    const depts = await member.departments.list();
    const mine = depts.find((d) => d.code === "kodomo-kosodate")!;
    const other = depts.find((d) => d.code === "somu-bosai")!;
    const base = {
      title: "子育て広場での出張講座",
      fiscalYear: 2026,
      partner: { id: 1, title: "" },
      partnershipItem: null,
      content: "親子向けの出張講座",
      viewpoint: "comprehensivePlan" as const,
      answersProposal: null,
      status: "draft" as const,
      call: null,
      sourceId: null,
    };
    const own = await member.cityProposals.add({ ...base, department: mine });
    await member.cityProposals.update(own.id, own.etag, { content: "親子向けの出張講座（改）" });
    expect((await expectDataError(member.cityProposals.add({ ...base, department: other }))).kind).toBe("forbidden");
    const [othersRow] = await member.cityProposals.list({ where: [{ prop: "department", op: "eq", value: other }], limit: 1 });
    if (othersRow) expect((await expectDataError(member.cityProposals.update(othersRow.id, othersRow.etag, { content: "x" }))).kind).toBe("forbidden");
    // Nor may a member move its own row to another department (SharePoint refuses the move into that folder); nothing changes.
    const ownNow = await member.cityProposals.get(own.id);
    expect((await expectDataError(member.cityProposals.update(own.id, ownNow.etag, { department: other }))).kind).toBe("forbidden");
    expect((await member.cityProposals.get(own.id)).department?.id).toBe(mine.id);
    // The coordinator may: the row moves into the other department's folder, keeping its id (SP.MoveCopyUtil.MoveFileByPath).
    const coord = t.dataAs(7);
    await coord.cityProposals.update(own.id, (await coord.cityProposals.get(own.id)).etag, { department: other });
    expect(t.backend.store.list("PD_CityProposals")!.items.get(own.id)!.folder).toBe(other.code);
    expect((await coord.cityProposals.get(own.id)).department?.id).toBe(other.id);
    // Now it is the other department's: this member can no longer change it.
    expect((await expectDataError(member.cityProposals.update(own.id, (await member.cityProposals.get(own.id)).etag, { content: "x" }))).kind).toBe("forbidden");
  });

  test("visitors cannot read internal lists", async () => {
    const visitor = t.dataAs(15);
    expect((await expectDataError(visitor.notifications.list())).kind).toBe("forbidden");
    expect((await visitor.agreements.list()).length).toBeGreaterThan(0);
  });
});

describe("attachments", () => {
  test("a signed agreement PDF is attached and listed", async () => {
    const data = t.dataAs();
    const [a] = await data.agreements.list({ limit: 1 });
    const pdf = new TextEncoder().encode("%PDF-1.4\n% 協定書\n");
    await data.agreements.addAttachment(a.id, "協定書（署名済み）.pdf", pdf);
    const files = await data.agreements.listAttachments(a.id);
    expect(files.map((f) => f.fileName)).toEqual(["協定書（署名済み）.pdf"]);
    const res = await fetch(`${t.backend.url}${encodeURI(files[0].url)}`);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
  });
});

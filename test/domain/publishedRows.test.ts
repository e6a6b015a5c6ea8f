import { splitPublishedClaims } from "../../src/domain/publishedRows";

const row = (id: number, status: string) => ({ id, status });

describe("splitPublishedClaims: 公表済 comes from the publication", () => {
  test("a row stored as 公表済 that the publication includes counts; one it does not include does not", () => {
    const rows = [row(1, "published"), row(2, "published"), row(3, "submitted"), row(4, "draft"), row(5, "nothingToReport")];
    const out = splitPublishedClaims(rows, { rows: [{ id: 1 }, { id: 3 }] });
    expect(out.counted.map((r) => r.id)).toEqual([1, 3, 4, 5]);
    expect(out.unpublished.map((r) => r.id)).toEqual([2]);
  });

  test("without a publication, no stored 公表済 counts; every other row does", () => {
    const out = splitPublishedClaims([row(1, "published"), row(2, "submitted")], null);
    expect(out.counted.map((r) => r.id)).toEqual([2]);
    expect(out.unpublished.map((r) => r.id)).toEqual([1]);
  });
});

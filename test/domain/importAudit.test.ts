import { IMPORT_AUDIT_GRACE_MS, importAuditsOwed } from "../../src/domain/importAudit";

const key = (k: string) => `K:${k}`;
const NOW = Date.parse("2026-11-24T03:00:00Z");
const old = new Date(NOW - IMPORT_AUDIT_GRACE_MS - 1000).toISOString();
const fresh = new Date(NOW - 1000).toISOString();

describe("importAuditsOwed: the audit entries an import killed after its commit never wrote", () => {
  const rows = [
    { rowNo: 2, importKey: "a", duplicateOfId: 1 },
    { rowNo: 3, importKey: "b", duplicateOfId: 2 },
    { rowNo: 4, importKey: "c", duplicateOfId: 3 },
    { rowNo: 5, importKey: "d", duplicateOfId: 4 },
    { rowNo: 6, importKey: "e", duplicateOfId: null },
    { rowNo: 7, importKey: "f", duplicateOfId: 6 },
    { rowNo: 8, importKey: "a", duplicateOfId: 1 },
  ];
  const agreements = [
    { id: 1, importKey: "a", registerKey: key("a"), modified: old }, // committed long ago, no entry: owed (once, though two rows name it)
    { id: 2, importKey: "b", registerKey: key("b"), modified: old }, // has its entry
    { id: 3, importKey: "c", registerKey: key("c"), modified: fresh }, // committed a moment ago: its import may be writing it
    { id: 4, importKey: "", registerKey: "", modified: old }, // made in the product, never imported
    { id: 6, importKey: "f", registerKey: key("other"), modified: old }, // a key of other rows
  ];
  test("only committed imports older than the grace period, without an entry, each once", () => {
    expect(importAuditsOwed(rows, agreements, new Set([2]), key, NOW).map((o) => [o.row.rowNo, o.agreementId])).toEqual([[2, 1]]);
  });
  test("after the grace period, the one committed a moment ago is owed too", () => {
    expect(importAuditsOwed(rows, agreements, new Set([2]), key, NOW + IMPORT_AUDIT_GRACE_MS).map((o) => o.agreementId)).toEqual([1, 3]);
  });
});

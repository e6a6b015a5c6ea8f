import { fromListItem, selectFor, toCityDate, toListValues } from "../../src/data/sp/mapping";
import { buildFilter, odataString } from "../../src/data/sp/SpListRepository";
import { validateAgainstSchema } from "../../src/data/schema/validate";
import * as S from "../../src/data/schema/listSchema";
import type { AnyListDef } from "../../src/data/schema/fieldTypes";
import type { Agreement } from "../../src/domain/types";

const agreements = S.agreements as unknown as AnyListDef;

test("select only mapped columns and expand lookups", () => {
  const { select, expand } = selectFor(agreements);
  expect(select).toEqual(expect.arrayContaining(["Id", "Modified", "Title", "Partner/Id", "Partner/Title", "AgreementStatus", "BriefingDepartments/Title"]));
  expect(select).not.toContain("*");
  // Four lookups, well under SharePoint's list view lookup threshold of 12 per query.
  expect(expand).toEqual(["Partner", "CoPartners", "RequestedByDepartment", "BriefingDepartments"]);
});

test("wire → domain: choices to codes, dates to city dates, lookups to refs, etag kept", () => {
  const a = fromListItem<Agreement>(S.agreements, {
    Id: 4,
    "odata.etag": '"3"',
    Modified: "2026-11-01T00:00:00Z",
    Title: "協定",
    AgreementStatus: "締結",
    Origin: "企業等から",
    Partner: { Id: 2, Title: "清瀬北大学" },
    BriefingDepartments: [{ Id: 1, Title: "A" }],
    ConcludedDate: "2016-03-31T15:00:00Z",
    RenewalRepeats: null,
  });
  expect(a).toMatchObject({ id: 4, etag: '"3"', status: "concluded", origin: "partner", partner: { id: 2, title: "清瀬北大学" }, concludedDate: "2016-04-01", renewalRepeats: true, proposedContent: "" });
  expect(a.briefingDepartments).toEqual([{ id: 1, title: "A" }]);
  expect(fromListItem<Agreement>(S.agreements, { Id: 1, __metadata: { etag: '"7"' }, BriefingDepartments: { results: [] } }).etag).toBe('"7"');
});

test("domain → wire writes only what is given", () => {
  expect(toListValues(S.agreements, { status: "declined", partner: { id: 3, title: "x" }, declinedDate: "2026-04-01", briefingDepartments: [{ id: 1, title: "" }] })).toEqual({
    AgreementStatus: "見送り",
    PartnerId: 3,
    DeclinedDate: "2026-04-01T00:00:00Z",
    BriefingDepartmentsId: [1],
  });
});

test("city dates from any UTC instant", () => {
  expect(toCityDate("2026-04-01T00:00:00Z")).toBe("2026-04-01");
  expect(toCityDate("2026-03-31T15:00:00Z")).toBe("2026-04-01");
  expect(toCityDate("")).toBeNull();
  expect(toCityDate("garbage")).toBeNull();
});

test("filters are escaped and typed", () => {
  expect(odataString("O'Reilly")).toBe("'O''Reilly'");
  expect(
    buildFilter(agreements, [
      { prop: "status", op: "eq", value: "concluded" },
      { prop: "partner", op: "eq", value: { id: 5, title: "" } },
      { prop: "title", op: "contains", value: "株式会社'試験'" },
      { prop: "nextReviewDate", op: "le", value: "2027-03-31" },
      { prop: "requestedByExecutives", op: "eq", value: true },
    ]),
  ).toBe("AgreementStatus eq '締結' and PartnerId eq 5 and substringof('株式会社''試験''',Title) and NextReviewDate le datetime'2027-03-31T00:00:00' and RequestedByExecutives eq 1");
});

describe("schema validation (forms and data layer share it)", () => {
  test("required, length, range, choice, date", () => {
    expect(validateAgainstSchema(S.partners as unknown as AnyListDef, { name: " ", kind: "nope" }, "add")).toEqual([
      { prop: "name", code: "required" },
      { prop: "kind", code: "invalidChoice" },
    ]);
    expect(validateAgainstSchema(agreements, { concludedDate: "2026-02-30", reviewCycleYears: 0, title: "x".repeat(256) }, "update")).toEqual([
      { prop: "title", code: "tooLong", limit: 255 },
      { prop: "concludedDate", code: "invalidDate" },
      { prop: "reviewCycleYears", code: "outOfRange", limit: 1 },
    ]);
  });
  test("update checks only the given fields; emoji and variant kanji count as SharePoint counts them", () => {
    expect(validateAgainstSchema(agreements, { briefingPlace: "𠮷野家 葛󠄀飾 🎌" }, "update")).toEqual([]);
    expect(validateAgainstSchema(S.partners as unknown as AnyListDef, { name: "𠮷".repeat(128) }, "update")).toEqual([{ prop: "name", code: "tooLong", limit: 255 }]);
  });
});

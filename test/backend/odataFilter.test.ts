import { conjuncts, evaluate, filterFields, ODataSyntaxError, parseFilter } from "../../dev/backend/odataFilter";

const row: Record<string, unknown> = {
  Title: "O'Reilly 株式会社",
  FiscalYear: 2026,
  Active: true,
  Due: "2026-04-01T00:00:00Z",
  PartnerId: 5,
  TagsId: [1, 3],
  Empty: null,
};
const resolve = (p: string[]): unknown => (p.length === 2 ? `${p[0]}.${p[1]}` : row[p[0]]);
const ev = (f: string): boolean => evaluate(parseFilter(f), resolve);

describe("SharePoint $filter subset", () => {
  test("comparisons, logic and precedence", () => {
    expect(ev("FiscalYear eq 2026")).toBe(true);
    expect(ev("FiscalYear ge 2027 or PartnerId eq 5 and FiscalYear lt 2027")).toBe(true);
    expect(ev("(FiscalYear ge 2027 or PartnerId eq 5) and FiscalYear lt 2026")).toBe(false);
    expect(ev("not (FiscalYear eq 2026)")).toBe(false);
    expect(ev("FiscalYear ne 2025")).toBe(true);
  });
  test("string literals with doubled apostrophes", () => {
    expect(ev("Title eq 'O''Reilly 株式会社'")).toBe(true);
    expect(ev("startswith(Title,'O''Re')")).toBe(true);
    expect(ev("substringof('株式', Title)")).toBe(true);
    expect(ev("substringof('株式', Title) eq true")).toBe(true);
  });
  test("booleans compare as SharePoint's 1/0", () => {
    expect(ev("Active eq 1")).toBe(true);
    expect(ev("Active eq true")).toBe(true);
    expect(ev("Active eq 0")).toBe(false);
  });
  test("datetime literals with and without Z", () => {
    expect(ev("Due ge datetime'2026-04-01T00:00:00'")).toBe(true);
    expect(ev("Due lt datetime'2026-04-01T00:00:00Z'")).toBe(false);
  });
  test("null and multi-value lookups", () => {
    expect(ev("Empty eq null")).toBe(true);
    expect(ev("TagsId eq 3")).toBe(true);
    expect(ev("TagsId eq 2")).toBe(false);
  });
  test("projected lookup paths and the fields a filter touches", () => {
    const tree = parseFilter("FiscalYear eq 2026 and Partner/Title eq 'Partner.Title'");
    expect(evaluate(tree, resolve)).toBe(true);
    expect(filterFields(tree)).toEqual([["FiscalYear"], ["Partner", "Title"]]);
    expect(conjuncts(tree)).toHaveLength(2);
  });
  test.each(["Title eq 'unterminated", "FiscalYear eq", "FiscalYear eq 1 )", "Title ~ 'x'", "datetime'nope' eq Due"])("rejects %s", (f) => {
    expect(() => parseFilter(f)).toThrow(ODataSyntaxError);
  });
});

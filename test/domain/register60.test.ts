import { guessPartnerKindExtended, proposePartnerSplit } from "../../src/domain/partnerNames";
import { canConfirmTerms, canEnterDate, detectColumns, ImportPlanRow, importable, isSplitDecision, needsDecision, planImport } from "../../src/domain/registerImport";
import { GUIDELINE_RULES } from "../../src/domain/siteRules";
import { cellValueText } from "../../src/domain/text";
import { REGISTER60_HEADING, REGISTER60_TODAY, register60, register60Figures, Register60Row } from "../fixtures/register60";

/**
 * The importer's planner over a register of about sixty rows as municipalities publish them
 * (test/fixtures/register60.ts): every row classified as its expectation says, every row that
 * is read read right, items kept as written — and not one row accepted with a wrong reading.
 *
 * The outcome in the fixture is about the dates and the terms; the split of several partners
 * in one cell is a decision of its own, checked apart (the proposal, and that it waits).
 */

const rows = register60();
const columns = detectColumns(REGISTER60_HEADING);
const ctx = { partners: [], agreements: [], site: GUIDELINE_RULES, today: REGISTER60_TODAY };
const plan = planImport(
  rows.map((r) => r.cells),
  columns,
  ctx,
);
/** The file has no title line: the heading is row 1, so the register's i-th row is row i + 2. */
const planned = (i: number): ImportPlanRow => {
  const row = plan.find((p) => p.rowNo === i + 2);
  if (!row) throw new Error(`row ${i + 2} not planned`);
  return row;
};
/** The row as if its partners' split were settled: what its dates and terms alone make of it. */
const splitSettled = (row: ImportPlanRow): ImportPlanRow => ({ ...row, errors: row.errors.filter((e) => !isSplitDecision(e)) });

const cell = (r: Register60Row, heading: string): unknown => r.cells[REGISTER60_HEADING.indexOf(heading)];
/** A cell's text as written, its lines joined (an item never spans a line break as written). */
const asWritten = (v: unknown): string =>
  cellValueText(v)
    .split(/\r\n?|\n/u)
    .map((l) => l.trim())
    .join("");

const termEnd = (row: ImportPlanRow): string | null => row.terms[row.terms.length - 1]?.to ?? null;

/** Whether an importable row reads a date, status or term end other than the file says. */
function wrongReading(r: Register60Row, row: ImportPlanRow): boolean {
  const e = r.expect;
  if (e.concluded !== undefined && row.concludedDate !== e.concluded) return true;
  if (e.status !== undefined && row.status !== e.status) return true;
  return e.termEnd !== undefined && termEnd(row) !== e.termEnd;
}

const cases = rows.map((r, i) => [i + 1, r.expect.outcome, r.expect.note, r, i] as const);

test("the register's columns are found by their headings", () => {
  expect(columns).toEqual({ partner: 1, title: 2, concluded: 3, items: 4, terms: 5 });
  expect(plan).toHaveLength(rows.length);
});

describe.each(cases)("No. %i (%s): %s", (_no, outcome, _note, r, i) => {
  const row = planned(i);
  const settled = splitSettled(row);
  const e = r.expect;

  test("classified as expected", () => {
    switch (outcome) {
      case "import":
        expect(settled.errors).toEqual([]);
        expect(importable(settled)).toBe(true);
        break;
      case "decideDate":
        expect(canEnterDate(settled)).toBe(true);
        expect(settled.concludedDate).toBeNull();
        break;
      case "decideTerms":
        expect(canConfirmTerms(settled)).toBe(true);
        expect(importable(settled)).toBe(false);
        expect(settled.errors.every((x) => x.field === "terms")).toBe(true);
        break;
      case "refuse":
        expect(needsDecision(settled)).toBe(false);
        expect(importable(settled)).toBe(false);
        expect(settled.errors.some((x) => x.field === "row")).toBe(false);
        break;
      case "duplicateInFile": {
        const twice = row.errors.find((x) => x.field === "row");
        expect(twice).toMatchObject({ field: "row", code: "duplicateInFile" });
        // It names the earlier row written for the same agreement, which is itself planned.
        const earlier = plan.find((p) => twice && "other" in twice && p.rowNo === twice.other);
        expect(earlier?.importKey).toBe(row.importKey);
        expect(earlier?.errors.some((x) => x.field === "row")).toBe(false);
        expect(importable(row)).toBe(false);
        break;
      }
    }
  });

  test("reads the conclusion date, status and term end the file says", () => {
    if (e.concluded !== undefined) expect(row.concludedDate).toBe(e.concluded);
    if (outcome === "import") {
      if (e.status !== undefined) expect(row.status).toBe(e.status);
      if (e.termEnd !== undefined) expect(termEnd(row)).toBe(e.termEnd);
    }
    // What the file wrote is kept beside what was read.
    expect(row.concludedText).toBe(cellValueText(cell(r, "締結日")).trim());
    expect(row.clause).toBe(cellValueText(cell(r, "協定期間")).trim());
  });

  test("the partners the cell names: proposed as written, and the split waits for the coordinator", () => {
    const name = cellValueText(cell(r, "協定先"));
    expect(proposePartnerSplit(name)).toEqual(e.partners);
    if (e.kind) expect(guessPartnerKindExtended(name)).toBe(e.kind);
    if (e.partners.length > 1) {
      expect(row.split?.parts.map((p) => p.name)).toEqual(e.partners);
      expect(row.split?.decision).toBeNull();
      // Never one composite partner without the coordinator: the row waits (or is refused anyway).
      expect(importable(row)).toBe(false);
      if (outcome !== "refuse" && outcome !== "duplicateInFile") expect(needsDecision(row)).toBe(true);
    } else {
      expect(row.split).toBeNull();
    }
  });

  test("items are kept exactly as written", () => {
    const written = asWritten(cell(r, "連携事項"));
    for (const item of row.items) expect(written).toContain(item);
    if (e.items) expect(row.items).toEqual(e.items);
  });
});

test("the first pass over the register: counts as the expectations give them, and no wrong reading", () => {
  const firstPass = plan.filter(importable).length;
  const decisions = plan.filter(needsDecision).length;
  const refused = plan.length - firstPass - decisions;
  const wrongReadings = rows.filter((r, i) => importable(splitSettled(planned(i))) && wrongReading(r, planned(i))).length;
  expect({ rows: plan.length, firstPass, needsDecision: decisions, refused, wrongReadings }).toEqual(register60Figures(rows));
});

test("the register is a mix: every outcome, several partners in one cell, kinds a city partners with", () => {
  const count = (o: string): number => rows.filter((r) => r.expect.outcome === o).length;
  expect({ import: count("import"), decideDate: count("decideDate"), decideTerms: count("decideTerms"), refuse: count("refuse"), duplicateInFile: count("duplicateInFile") }).toEqual({
    import: 46,
    decideDate: 8,
    decideTerms: 13,
    refuse: 6,
    duplicateInFile: 2,
  });
  expect(rows.filter((r) => r.expect.partners.length > 1).length).toBeGreaterThanOrEqual(6);
  const kinds = new Set(rows.map((r) => r.expect.kind).filter(Boolean));
  for (const k of ["publicBody", "school", "company", "npo", "university", "financialInstitution", "association"]) expect(kinds).toContain(k);
  // Each agreement's name is written once (a row written twice aside): no row is taken for another's duplicate, and the import can be read back by name.
  const titles = rows.filter((r) => r.expect.outcome !== "duplicateInFile").map((r) => cellValueText(cell(r, "協定名")));
  expect(new Set(titles).size).toBe(titles.length);
});

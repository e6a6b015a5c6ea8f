import { parseCsv } from "../../src/export/registerFile";
import { MAX_CELL_CHARS, WorkbookError } from "../../src/export/excel";
import { errorMessage, runParseJob } from "../../src/export/parseJobs";
import { isParseCancelled, parseFile } from "../../src/export/parseFile";

/** Reading imported files: limits checked while reading, progress, cancel, and the page fallback (issue 17 item 5). */

const bytes = (s: string): ArrayBuffer => {
  const b = new TextEncoder().encode(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

test("a CSV over the row limit stops where the limit is passed, not after reading the whole file", () => {
  const text = Array.from({ length: 100_000 }, (_, i) => `${i},協定 ${i}`).join("\n");
  const seen: number[] = [];
  const e = (() => {
    try {
      parseCsv(text, { maxRows: 10_050, progress: (p) => seen.push(p.rows ?? 0) });
    } catch (x) {
      return x as WorkbookError;
    }
    return null;
  })();
  expect(e).toMatchObject({ name: "WorkbookError", code: "tooManyRows", detail: "10000" });
  // Progress every 1,000 rows, and nothing read past the limit.
  expect(seen.slice(0, 3)).toEqual([1000, 2000, 3000]);
  expect(Math.max(...seen)).toBeLessThanOrEqual(10_050);
});

test("a cell longer than Excel's own 32,767 characters is refused", () => {
  expect(() => parseCsv(`a,${"長".repeat(MAX_CELL_CHARS + 2)}\n`)).toThrow(expect.objectContaining({ code: "cellTooLong", detail: String(MAX_CELL_CHARS) }));
  expect(parseCsv(`a,${"長".repeat(100)}\n`)[0][1]).toHaveLength(100);
});

test("a job reports its stages and returns plain data; a refused file crosses from the worker as its code", async () => {
  const stages: string[] = [];
  const table = (await runParseJob({ kind: "register", fileName: "台帳.csv", data: bytes("協定名,協定先,締結日\nA協定,株式会社A,2020/4/1\n") }, (p) => stages.push(p.stage))) as { rows: unknown[][]; columns: Record<string, number> };
  expect(stages[0]).toBe("reading");
  expect(table.rows).toEqual([["A協定", "株式会社A", "2020/4/1"]]);
  expect(Object.keys(table.columns).sort()).toEqual(["concluded", "partner", "title"]);
  const refused = await runParseJob({ kind: "form1", data: bytes("not a zip") }, () => undefined).catch((x: unknown) => x);
  expect(errorMessage(refused)).toEqual({ type: "error", name: "WorkbookError", code: "notWorkbook", detail: "", message: "notWorkbook" });
});

test("without Web Workers (here, Node) the same job runs on the page; a cancelled read rejects and returns nothing", async () => {
  const data = bytes("協定名,協定先,締結日\nA協定,株式会社A,2020/4/1\n");
  const r = await parseFile({ kind: "register", fileName: "台帳.csv", data });
  expect(r.rows).toHaveLength(1);
  const stop = new AbortController();
  stop.abort();
  expect(isParseCancelled(await parseFile({ kind: "register", fileName: "台帳.csv", data }, { signal: stop.signal }).catch((x: unknown) => x))).toBe(true);
});

import { isValidIsoDate } from "./calendar";
import type { IsoDate } from "./types";

/**
 * Reading a date as Japanese registers write it: 「平成26年3月10日」「令和6年4月22日付け」
 * 「令和元年11月19日(火)」「2015年3月30日（月）」「R6.4.22」, ISO, 2015/3/30, with full-width
 * digits. A value that cannot be read for certain is reported with the reason — a wrong
 * weekday or a date outside its era is not "corrected", because either part may be the
 * typo.
 */

export type DateParseProblem =
  | "empty"
  | "unrecognized" // no date form we know
  | "invalidDate" // e.g. 2月30日
  | "eraRange" // 平成32年, 令和元年4月1日: outside the era
  | "weekdayMismatch"; // (火) on a Wednesday

export type DateParse = { ok: true; date: IsoDate } | { ok: false; problem: DateParseProblem };

const ERAS: Array<{ names: string[]; start: IsoDate; end: IsoDate | null }> = [
  { names: ["令和", "R"], start: "2019-05-01", end: null },
  { names: ["平成", "H"], start: "1989-01-08", end: "2019-04-30" },
  { names: ["昭和", "S"], start: "1926-12-25", end: "1989-01-07" },
  { names: ["大正", "T"], start: "1912-07-30", end: "1926-12-24" },
];

const WEEKDAYS = "日月火水木金土";

const iso = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Full-width digits and brackets folded, spaces and the 付け / 締結 suffixes taken off; the weekday kept apart. */
function clean(raw: string): { text: string; weekday: string | null } {
  let s = raw.normalize("NFKC").replace(/\s+/g, "");
  s = s.replace(/(付け|付|締結)$/u, "");
  let weekday: string | null = null;
  const wd = /\(([日月火水木金土])(?:曜日?)?\)$/u.exec(s);
  if (wd) {
    weekday = wd[1];
    s = s.slice(0, wd.index);
  }
  s = s.replace(/(付け|付)$/u, "");
  return { text: s, weekday };
}

function fromParts(y: number, m: number, d: number): IsoDate | null {
  const date = iso(y, m, d);
  return isValidIsoDate(date) ? date : null;
}

export function parseJapaneseDate(raw: string | null | undefined): DateParse {
  if (raw === null || raw === undefined || !String(raw).trim()) return { ok: false, problem: "empty" };
  const { text, weekday } = clean(String(raw));
  let date: IsoDate | null = null;

  const era = /^(令和|平成|昭和|大正|R|H|S|T)(元|\d{1,2})(?:年|\.)(\d{1,2})(?:月|\.)(\d{1,2})日?$/iu.exec(text);
  const western = /^(\d{4})(?:年|\/|-|\.)(\d{1,2})(?:月|\/|-|\.)(\d{1,2})日?$/u.exec(text);
  if (era) {
    const def = ERAS.find((e) => e.names.includes(era[1].toUpperCase()) || e.names.includes(era[1]));
    if (!def) return { ok: false, problem: "unrecognized" };
    const n = era[2] === "元" ? 1 : Number(era[2]);
    if (n < 1) return { ok: false, problem: "eraRange" };
    date = fromParts(Number(def.start.slice(0, 4)) + n - 1, Number(era[3]), Number(era[4]));
    if (!date) return { ok: false, problem: "invalidDate" };
    if (date < def.start || (def.end && date > def.end)) return { ok: false, problem: "eraRange" };
  } else if (western) {
    date = fromParts(Number(western[1]), Number(western[2]), Number(western[3]));
    if (!date) return { ok: false, problem: "invalidDate" };
  } else {
    return { ok: false, problem: "unrecognized" };
  }
  if (weekday) {
    const actual = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    if (actual !== weekday) return { ok: false, problem: "weekdayMismatch" };
  }
  return { ok: true, date };
}

/**
 * A spreadsheet cell's date: a Date (exceljs reads date cells so; its UTC parts are the
 * calendar date), an Excel serial day number, or text as above.
 */
export function parseDateCell(value: unknown): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, problem: "invalidDate" };
    return { ok: true, date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "number") {
    // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was.
    if (!Number.isInteger(value) || value < 61 || value > 2958465) return { ok: false, problem: "unrecognized" };
    return { ok: true, date: new Date(Date.UTC(1899, 11, 30) + value * 86400000).toISOString().slice(0, 10) };
  }
  return parseJapaneseDate(value === null || value === undefined ? "" : String(value));
}

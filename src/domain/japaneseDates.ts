import { isValidIsoDate } from "./calendar";
import { cellValueText } from "./text";
import type { IsoDate } from "./types";

/**
 * Reading a date as Japanese registers write it: 「平成26年3月10日」「令和6年4月22日付け」
 * 「令和元年11月19日(火)」「2015年3月30日（月）」「R6.4.22」, ISO, 2015/3/30, with full-width
 * digits or kanji numerals (「平成三十年七月六日」「二〇一九年七月一日」), and with words
 * around the date (「締結日：令和2年4月1日」「平成30年10月2日（火）調印式」).
 *
 * A value that cannot be read for certain is reported with the reason — a wrong weekday or
 * a date outside its era is not "corrected", because either part may be the typo; a cell
 * with two dates, a range or a date marked as planned is refused rather than one part taken.
 *
 * 平成 after 30 April 2019 (平成31年5月1日, 平成32年…): no such date exists, so by default it
 * is refused (`eraRange`). Documents drafted before the change of era did write future dates
 * so (「平成30年4月1日から平成33年3月31日まで」), and they mean the Western year the count
 * gives (平成33年 = 2021); a caller reading such a forward-looking date (a term's end in a
 * clause) may ask for that reading with `{ projectEra: true }`, and is told it was projected.
 */

export type DateParseProblem =
  | "empty"
  | "unrecognized" // no date form we know
  | "invalidDate" // e.g. 2月30日
  | "eraRange" // 平成32年, 令和元年4月1日: outside the era
  | "weekdayMismatch" // (火) on a Wednesday
  | "incomplete" // 令和元年, 2019年7月, 3月10日: a part of the date is missing
  | "multipleDates" // two dates in one value
  | "dateRange" // 令和2年4月1日〜令和5年3月31日, 令和2年4月1日から: a period, not a date
  | "tentative"; // 令和7年4月1日（予定）: not a date that happened

export type DateParse = { ok: true; date: IsoDate; projected?: true } | { ok: false; problem: DateParseProblem };

export interface DateParseOptions {
  /** Read 平成 past its end as the Western year it counts to (平成32年 → 2020), marked `projected`. */
  projectEra?: boolean;
}

interface Era {
  names: string[];
  start: IsoDate;
  end: IsoDate | null;
  /** Dates past the end written in this era are read when asked (see the module comment). */
  projectable?: boolean;
}

const ERAS: Era[] = [
  { names: ["令和", "R"], start: "2019-05-01", end: null },
  { names: ["平成", "H"], start: "1989-01-08", end: "2019-04-30", projectable: true },
  { names: ["昭和", "S"], start: "1926-12-25", end: "1989-01-07" },
  { names: ["大正", "T"], start: "1912-07-30", end: "1926-12-24" },
];

/** How far past its end an era's count is projected (平成60年 is no document's date). */
const MAX_PROJECTED_YEARS = 30;

const WEEKDAYS = "日月火水木金土";

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A number in kanji: positional (「二〇一九」→2019, 「七」→7) or with units (「三十」→30,
 * 「十二」→12, 「二千十九」→2019). null when the characters do not form a number.
 */
export function kanjiToNumber(s: string): number | null {
  if (!s) return null;
  if ([...s].every((ch) => ch in KANJI_DIGITS)) return [...s].reduce((n, ch) => n * 10 + KANJI_DIGITS[ch], 0);
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in KANJI_DIGITS) {
      if (digit !== null) return null; // 「二三十」: not a number
      digit = KANJI_DIGITS[ch];
    } else if (ch in KANJI_UNITS) {
      const unit = KANJI_UNITS[ch];
      if (unit >= lastUnit) return null; // 「十十」「十百」
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  return total + (digit ?? 0);
}

/**
 * Kanji numerals written before a unit (年, 月, 日, か月, 年間…) turned into digits, the
 * rest of the text left alone: 「令和二年十二月一日」→「令和2年12月1日」, 「三年間」→「3年間」.
 * `units` is the pattern of what may follow the number.
 */
export function foldKanjiNumerals(text: string, units = "年|月|日"): string {
  return text.replace(new RegExp(`[〇零一二三四五六七八九十百千]+(?=${units})`, "gu"), (k) => {
    const n = kanjiToNumber(k);
    return n === null ? k : String(n);
  });
}

const iso = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** Width folded (NFKC), spaces removed, kanji numerals as digits: the text the patterns below read. */
export function prepareDateText(raw: string): string {
  return foldKanjiNumerals(raw.normalize("NFKC").replace(/\s+/g, ""));
}

/**
 * A whole date inside prepared text: an era date (令和2年4月1日, R2.4.1, 令和元年…) or a
 * Western one (2020年4月1日, 2020/4/1, 2020-04-01), optionally followed by its weekday in
 * brackets or as 「水曜日」. Groups: 1 era, 2 era year, 3 month, 4 day; 5 year, 6 month,
 * 7 day; 8/9 the weekday.
 */
const DATE_SOURCE =
  "(?:(令和|平成|昭和|大正|(?<![A-Za-z])[RHST])(元|\\d{1,2})(?:年|\\.)(\\d{1,2})(?:月|\\.)(\\d{1,2})(?!\\d)日?" +
  "|(?<!\\d)(\\d{4})(?:年|\\/|-|\\.)(\\d{1,2})(?:月|\\/|-|\\.)(\\d{1,2})(?!\\d)日?)" +
  "(?:\\(([日月火水木金土])(?:曜日?)?\\)|([日月火水木金土])曜日?)?";

/** A fresh global pattern for the dates in prepared text (global patterns keep state, so one per use). */
export function datePattern(): RegExp {
  return new RegExp(DATE_SOURCE, "giu");
}

/** Part of a date without the rest: 令和元年, 2019年7月, 3月10日. */
const PARTIAL_DATE = /(?:令和|平成|昭和|大正)(?:元|\d{1,2})年(?:\d{1,2}月)?|(?<!\d)\d{4}年(?:\d{1,2}月)?|(?<!\d)\d{1,2}月\d{1,2}日/u;
const RANGE_MARK = /[~〜\-‐–—―]|から|より|まで|迄|以降|以後/u;
const TENTATIVE = /予定|見込|見通し|頃|ごろ|未定|調整中/u;

/** A matched date read into an ISO date, its era and weekday checked. */
export function dateFromMatch(m: RegExpMatchArray, opts: DateParseOptions = {}): DateParse {
  let date: IsoDate | null;
  let projected = false;
  if (m[1]) {
    const name = m[1].toUpperCase();
    const era = ERAS.find((e) => e.names.includes(name) || e.names.includes(m[1]));
    if (!era) return { ok: false, problem: "unrecognized" };
    const n = m[2] === "元" ? 1 : Number(m[2]);
    if (n < 1) return { ok: false, problem: "eraRange" };
    const year = Number(era.start.slice(0, 4)) + n - 1;
    date = iso(year, Number(m[3]), Number(m[4]));
    if (!isValidIsoDate(date)) return { ok: false, problem: "invalidDate" };
    if (date < era.start) return { ok: false, problem: "eraRange" };
    if (era.end && date > era.end) {
      const canProject = opts.projectEra && era.projectable && year <= Number(era.end.slice(0, 4)) + MAX_PROJECTED_YEARS;
      if (!canProject) return { ok: false, problem: "eraRange" };
      projected = true;
    }
  } else {
    date = iso(Number(m[5]), Number(m[6]), Number(m[7]));
    if (!isValidIsoDate(date)) return { ok: false, problem: "invalidDate" };
  }
  const weekday = m[8] ?? m[9];
  if (weekday && WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] !== weekday) return { ok: false, problem: "weekdayMismatch" };
  return projected ? { ok: true, date, projected: true } : { ok: true, date };
}

/**
 * One date, possibly among words (「締結日：」「締結」「付け」「調印式」「（発表）」). Refused:
 * two dates or a range, a date marked as planned, figures left beside the date (a time,
 * a number we cannot place), and a date with a part missing.
 */
export function parseJapaneseDate(raw: string | null | undefined, opts: DateParseOptions = {}): DateParse {
  if (raw === null || raw === undefined || !String(raw).trim()) return { ok: false, problem: "empty" };
  // A time of day after the date, as a CSV saved from Excel may carry (「2024/4/22 0:00」), says nothing of the date.
  const text = prepareDateText(String(raw).replace(/\s+\d{1,2}:\d{2}(?::\d{2})?\s*$/u, ""));
  const matches = [...text.matchAll(datePattern())];
  if (matches.length === 0) return { ok: false, problem: PARTIAL_DATE.test(text) ? "incomplete" : "unrecognized" };
  if (matches.length > 1) {
    const between = text.slice(matches[0].index! + matches[0][0].length, matches[1].index);
    return { ok: false, problem: RANGE_MARK.test(between) ? "dateRange" : "multipleDates" };
  }
  const m = matches[0];
  const around = text.slice(0, m.index) + "\u0000" + text.slice(m.index! + m[0].length);
  if (RANGE_MARK.test(around)) return { ok: false, problem: "dateRange" };
  if (TENTATIVE.test(around)) return { ok: false, problem: "tentative" };
  // Words are fine; figures are not (「第2回」「10時」: we cannot tell what else the cell says).
  if (/\d/.test(around)) return { ok: false, problem: PARTIAL_DATE.test(around) ? "multipleDates" : "unrecognized" };
  return dateFromMatch(m, opts);
}

/**
 * The one date reader of every import (the register, the Form 2 answer workbook, any future
 * one): what a cell holds, whatever the file type gave it as.
 *
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
    // A fraction is the time of day (a cell typed as 「2027/5/20 10:00」): the day is the whole part.
    if (!Number.isFinite(value) || value < 61 || value >= 2958466) return { ok: false, problem: "unrecognized" };
    return { ok: true, date: new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000).toISOString().slice(0, 10) };
  }
  if (value !== null && typeof value === "object") {
    // A formula's cached result is the value; rich text (a weekday in red) and a hyperlink (to
    // the press release) are read by their text, as the preview shows them.
    if ("result" in value) return parseDateCell((value as { result: unknown }).result);
    return parseJapaneseDate(cellValueText(value));
  }
  return parseJapaneseDate(value === null || value === undefined ? "" : String(value));
}

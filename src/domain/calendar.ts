import type { IsoDate } from "./types";

/**
 * The city's calendar: fiscal years run April to March (2026年度 = 2026-04-01 … 2027-03-31),
 * and dates are shown in the Japanese era beside the Western year.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The fiscal year a date falls in: April–December → that year, January–March → the year before. */
export function fiscalYearOf(date: IsoDate): number {
  const [y, m] = parts(date);
  return m >= 4 ? y : y - 1;
}

export function fiscalYearRange(fy: number): { start: IsoDate; end: IsoDate } {
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** Today's date in the city (Japan has no daylight saving time: UTC+9). */
export function cityToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The instant on the city's `day` at `now`'s time of day in the city: a clock fixed to
 * another day (the local workbench's `?today=`) that still ticks through the day.
 */
export function onCityDay(day: IsoDate, now: Date = new Date()): Date {
  const [y, m, d] = parts(day);
  const msOfDay = (now.getTime() + 9 * 3600 * 1000) % 86400000;
  return new Date(Date.UTC(y, m - 1, d) - 9 * 3600 * 1000 + msOfDay);
}

interface Era {
  name: string;
  start: IsoDate;
}

/** Eras from 明治 on, newest first. */
const ERAS: Era[] = [
  { name: "令和", start: "2019-05-01" },
  { name: "平成", start: "1989-01-08" },
  { name: "昭和", start: "1926-12-25" },
  { name: "大正", start: "1912-07-30" },
  { name: "明治", start: "1868-01-25" },
];

export interface EraDate {
  era: string;
  /** 1 for the first year (元年). */
  year: number;
  month: number;
  day: number;
}

export function toEra(date: IsoDate): EraDate | null {
  const [y, m, d] = parts(date);
  const era = ERAS.find((e) => date >= e.start);
  if (!era) return null;
  return { era: era.name, year: y - Number(era.start.slice(0, 4)) + 1, month: m, day: d };
}

const eraYearText = (n: number): string => (n === 1 ? "元" : String(n));

/** 「令和8年11月24日」 */
export function formatEraDate(date: IsoDate): string {
  const e = toEra(date);
  if (!e) return date;
  return `${e.era}${eraYearText(e.year)}年${e.month}月${e.day}日`;
}

/** A time of day as entered (「14:00」, 24-hour, as a browser's time field gives it). */
export function isValidTime(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

/** 「午後2時」「午前10時30分」「正午」: a time as a city's notice writes it (12:30 is 午後0時30分). */
export function formatJapaneseTime(time: string): string {
  if (!isValidTime(time)) return time;
  const [h, m] = time.split(":").map(Number);
  if (h === 12 && m === 0) return "正午";
  const half = h < 12 ? "午前" : "午後";
  return `${half}${h % 12}時${m ? `${m}分` : ""}`;
}

/** A briefing's day and start time as a city's notice writes them: 「令和8年12月3日 午後2時から」 (the day alone without a time). */
export function formatEraDateAndTime(date: IsoDate, time?: string): string {
  return time ? `${formatEraDate(date)} ${formatJapaneseTime(time)}から` : formatEraDate(date);
}

/**
 * The era name of a fiscal year, as the city writes it: 「令和8年度」 for 2026年度.
 * A fiscal year is named after the era in force on its first day (1 April); 2019年度
 * began under 平成 but the city, like most, calls it 令和元年度, so the era in force
 * on 1 May (after the change of era) is used for that one year.
 */
export function formatEraFiscalYear(fy: number): string {
  const probe = fy === 2019 ? "2019-05-01" : `${fy}-04-01`;
  const e = toEra(probe);
  if (!e) return `${fy}年度`;
  return `${e.era}${eraYearText(e.year)}年度`;
}

/** 「2026年度（令和8年度）」 */
export function formatFiscalYear(fy: number): string {
  return `${fy}年度（${formatEraFiscalYear(fy)}）`;
}

/** 「令和8年11月24日（2026-11-24）」 */
export function formatDateBoth(date: IsoDate | null): string {
  if (!date) return "";
  return `${formatEraDate(date)}（${date}）`;
}

/** The city's date (Japan, UTC+9, no daylight saving) of a moment SharePoint stored in UTC. */
export function tokyoDate(isoDateTime: string): IsoDate {
  return new Date(Date.parse(isoDateTime) + 9 * 3600000).toISOString().slice(0, 10);
}

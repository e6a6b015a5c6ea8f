import { dateFromMatch, DateParse, datePattern, foldKanjiNumerals } from "./japaneseDates";
import { daysInMonth } from "./calendar";
import { periodEnd, TermRules } from "./terms";
import type { IsoDate } from "./types";

/**
 * Reading a term clause as written (「本協定の有効期間は、締結の日から3年間とする。ただし、
 * 期間満了の1か月前までに書面による申出がないときは、さらに1年間更新するものとし、以後も
 * 同様とする。」) into structured terms for the coordinator to confirm. What is read is
 * listed; what looks like a term but cannot be read for certain is reported, not guessed.
 *
 * How a clause is read:
 * 1. Dates are found first and set aside, so that the year of 「令和3年3月31日」 is never
 *    read as a length of three years. A date followed by まで／迄／をもって, or after
 *    〜／～／から, ends the initial term; a date followed by から begins it.
 * 2. The renewal (「さらに1年間更新」「5年間延長し」「1年ごとに自動的に更新」「同一期間
 *    更新」), the notice window (「1か月前までに」) and the review cycle (「3年ごとに見直し」)
 *    are read wherever they stand, and set aside too.
 * 3. What length is left before the proviso (ただし／但し／なお) is the initial term.
 *
 * A clause that speaks of renewal whose renewal cannot be read is a blocking problem (see
 * BLOCKING_CLAUSE_PROBLEMS): the agreement may have renewed or ended, and only the
 * coordinator can say which.
 */

export type ClauseFinding =
  | "none"
  | "noExpiry"
  | "initialMonths"
  | "initialEnd"
  | "fiscalYearEnd"
  | "renewal"
  | "sameLength"
  | "repeats"
  | "once"
  | "notice"
  | "writing"
  | "fixed"
  | "review"
  | "startDate"; // the clause names the date the term begins

export type ClauseProblem =
  | "unrecognized"
  | "renewalRepeatUnclear" // renews, but does not say whether once (「1回に限り」) or again and again (「以後も同様」)
  | "renewalLengthUnclear" // speaks of renewal (更新・延長・自動的に・以後も同様) but its length cannot be read
  | "endDateUnreadable" // an end date that is no date (令和6年2月30日) or lacks its day (令和8年3月まで)
  | "renewalByConsultation" // renewal only by agreement (協議の上更新することができる): whether it renewed is a fact to record
  | "initialTermUnclear" // renews, but the first term's length or end cannot be read
  | "termsConflict" // two different end dates, an end before the start, or a length that does not fit the dates
  | "dateRoleUnclear" // a date that is neither clearly the start nor the end (「令和8年3月31日」 alone)
  | "eraProjected" // an end date written in 平成 past its end (平成33年3月31日), read as the year it counts to
  | "termsElsewhere"; // the clause points elsewhere (「協定書第5条のとおり」): the terms exist but are not written here

/** Problems that stop an imported row until the coordinator has set the terms. */
export const BLOCKING_CLAUSE_PROBLEMS: ReadonlySet<ClauseProblem> = new Set<ClauseProblem>([
  "renewalLengthUnclear",
  "renewalRepeatUnclear",
  "endDateUnreadable",
  "renewalByConsultation",
  "initialTermUnclear",
  "termsConflict",
  "dateRoleUnclear",
  "termsElsewhere",
]);

export function isBlockingClauseProblem(p: ClauseProblem): boolean {
  return BLOCKING_CLAUSE_PROBLEMS.has(p);
}

export interface ClauseReading {
  /** Only what the clause states; the caller fills the rest. */
  rules: Partial<TermRules>;
  found: ClauseFinding[];
  problems: ClauseProblem[];
  /** The date the clause says the term begins (「令和2年4月1日から」), when it says so. */
  startDate?: IsoDate;
  /** A length written beside an end date (「…までの5年間」): checked against the dates, not stored as the term. */
  statedMonths?: number;
  /**
   * 「5年を経過した日の属する年度の末日」「5年を経過した日以後最初に到来する3月31日」: the years
   * counted to the day after they have passed (民法第143条), whose fiscal year's end ends the
   * first term; the caller turns it into an end date from the term's start.
   */
  fiscalYearEndAfterYears?: number;
}

/** Month units as written: 1か月, 1ヵ月, 1ヶ月, 1箇月, and 1月 (as in 「一月前」). */
const MONTH = "(?:か|ヵ|ヶ|カ|箇|ケ)?月";
/** Month units that cannot be a calendar month (「3月」 may be March). */
const MONTHS_STRICT = "(?:(?:か|ヵ|ヶ|カ|箇|ケ)月(?:間)?|月間)";

/** Width folded, spaces removed, and kanji numerals before a unit turned into digits (「三年間」→「3年間」). */
export function normalizeClause(raw: string): string {
  const folded = foldKanjiNumerals(raw.normalize("NFKC").replace(/\s+/g, ""), "年|月|日|か月|ヵ月|ヶ月|カ月|箇月|ケ月|箇年|ヶ年|か年|カ年|ケ年|ヵ年");
  return (
    folded
      // 「3ヶ年」「三箇年」: years.
      .replace(/(\d{1,3})(?:か|ヵ|ヶ|カ|箇|ケ)年(?:間)?/gu, "$1年間")
      // 「令和3年3月末日まで」「2021年3月末まで」: that month's last day.
      .replace(/((?:令和|平成|昭和|大正)(?:元|\d{1,2})|(?<!\d)\d{4})年(\d{1,2})月末(?:日)?(?=まで|迄|をもって|限り|に満了|で満了|満了|に終了|で終了|の|、|。|$)/gu, (all, y: string, m: string) => {
        const era = /^(令和|平成|昭和|大正)(元|\d{1,2})$/u.exec(y);
        const year = era ? westernYear(era[1], era[2]) : Number(y);
        const month = Number(m);
        if (month < 1 || month > 12) return all;
        return `${y}年${month}月${daysInMonth(year, month)}日`;
      })
  );
}

const monthsOf = (n: string, unit: string): number => (unit === "年" ? Number(n) * 12 : Number(n));

type DateRole = "start" | "end" | "deadline" | "unknown";

interface DateToken {
  at: number;
  length: number;
  parse: DateParse;
  role: DateRole;
}

/** Placeholder for a date set aside: no digit in it, so no length is read from a date. */
const TOKEN = (i: number): string => `〔${"#".repeat(i + 1)}〕`;
/** What a phrase already read is replaced with (same length, so positions stay). */
const blank = (s: string): string => "\u0001".repeat(s.length);

const ERA_START_YEAR: Record<string, number> = { 令和: 2019, 平成: 1989, 昭和: 1926, 大正: 1912 };

/** The western year of an era year as a clause writes it (「令和3」, 「平成元」). */
const westernYear = (era: string, n: string): number => ERA_START_YEAR[era] + (n === "元" ? 1 : Number(n)) - 1;

/** 「令和3年度末まで」「2021年度の末日まで」: the end of that fiscal year (平成 past 31 projected). */
const FISCAL_YEAR_END = /(?:(令和|平成|昭和|大正)(元|\d{1,2})|(?<!\d)(\d{4}))年度(?:の)?(?:末日|末|終わり)?(?=まで|迄|をもって|限り)|(?:(令和|平成|昭和|大正)(元|\d{1,2})|(?<!\d)(\d{4}))年度(?:の)?(?:末日|末)/gu;

/** A year (and month) without its day: 「令和3年」「2021年3月」. Never a length; never a date either. */
const PARTIAL_DATE = /(?:令和|平成|昭和|大正)(?:元|\d{1,2})年(?:\d{1,2}月)?|(?<!\d)\d{4}年(?:\d{1,2}月)?/gu;

function roleOf(before: string, after: string): DateRole {
  if (/^(?:まで|迄)(?!に)|^(?:をもって|限り|に満了|で満了|満了|に終了|で終了)/u.test(after)) return "end";
  if (/^(?:から|より|~|〜|以降|を始期)/u.test(after)) return "start";
  if (/^までに/u.test(after)) return "deadline";
  if (/(?:から|より|[~〜\-‐–—―ー])$/u.test(before)) return "end";
  return "unknown";
}

/** Dates (and fiscal-year ends, and years without a day) replaced by placeholders, each with its role. */
function setDatesAside(text: string): { masked: string; tokens: DateToken[] } {
  const tokens: DateToken[] = [];
  const spans: Array<{ at: number; length: number; parse: DateParse; end?: true }> = [];
  for (const m of text.matchAll(datePattern())) spans.push({ at: m.index!, length: m[0].length, parse: dateFromMatch(m, { projectEra: true }) });
  const covered = (at: number): boolean => spans.some((s) => at >= s.at && at < s.at + s.length);
  for (const m of text.matchAll(FISCAL_YEAR_END)) {
    if (covered(m.index!)) continue;
    const era = m[1] ?? m[4];
    const n = m[2] ?? m[5];
    const western = m[3] ?? m[6];
    const fy = era ? westernYear(era, n) : Number(western);
    const parse: DateParse = era === "平成" && fy > 2019 ? { ok: true, date: `${fy + 1}-03-31`, projected: true } : { ok: true, date: `${fy + 1}-03-31` };
    // 「…年度末」 is an end whatever follows it.
    spans.push({ at: m.index!, length: m[0].length, parse, ...(/末/u.test(m[0]) ? { end: true as const } : {}) });
  }
  for (const m of text.matchAll(PARTIAL_DATE)) {
    if (!covered(m.index!)) spans.push({ at: m.index!, length: m[0].length, parse: { ok: false, problem: "incomplete" } });
  }
  spans.sort((a, b) => a.at - b.at);
  let masked = "";
  let pos = 0;
  spans.forEach((s, i) => {
    masked += text.slice(pos, s.at);
    const at = masked.length;
    const token = TOKEN(i);
    masked += token;
    pos = s.at + s.length;
    tokens.push({ at, length: token.length, parse: s.parse, role: s.end ? "end" : "unknown" });
  });
  masked += text.slice(pos);
  for (const t of tokens) if (t.role === "unknown") t.role = roleOf(masked.slice(0, t.at), masked.slice(t.at + t.length));
  return { masked, tokens };
}

/** The sentence containing position `at`, and the next one when it only says 「以後も同様とする」. */
function renewalSpan(text: string, at: number): string {
  const start = text.lastIndexOf("。", at - 1) + 1;
  const end = text.indexOf("。", at);
  if (end < 0) return text.slice(start);
  const follow = /^(?:なお、?)?(?:以後|以降|その後|これ以降)[^。]*(?:。|$)/u.exec(text.slice(end + 1));
  return text.slice(start, end + 1) + (follow ? follow[0] : "");
}

/** The sentence containing position `at`. */
function sentenceAround(text: string, at: number): string {
  const start = text.lastIndexOf("。", at - 1) + 1;
  const end = text.indexOf("。", at);
  return text.slice(start, end < 0 ? text.length : end);
}

interface RenewalReading {
  months: number | null;
  sameLength: boolean;
  at: number;
  /** The length of the phrase read, to set it aside. */
  length: number;
  /** Also the initial term (「1年（自動更新）」 in a register's column): not set aside. */
  alsoInitial: boolean;
}

const RENEWAL_WORD = "(?:更新|延長|継続)";
const AUTO = "(?:自動的に|自動で)";
const CONDITION_END = "(?:ない|なかった)(?:とき|場合)(?:は|には)[、,]?";
const SAME_TERMS = "(?:同一条件で|同一の条件で|同条件で|同一条件にて|同じ条件で)";

/** 「さらに1年間更新」「1年ごとに自動的に更新」「5年間延長」「それぞれ10年の期間、自動的に効力を延長」. */
const RENEWAL_UNIT = new RegExp(
  `(?:さらに|更に|引き続き|${SAME_TERMS})?[、,]?(\\d{1,3})(年|${MONTH})(?:間|の期間)?(?:ずつ|ごと|毎|単位で)?に?[、,]?${AUTO}?(?:(?:その|本協定の|この協定の|協定の)?(?:有効)?(?:期間|効力)を)?(?:自動)?${RENEWAL_WORD}`,
  "u",
);
/** 「更新の期間は1年とし」「延長後の有効期間は1年間とする」. */
const RENEWAL_PERIOD_IS = new RegExp(`${RENEWAL_WORD}(?:後)?の(?:有効)?期間は[、,]?(\\d{1,3})(年|${MONTH})`, "u");
/** 「申出がないときは、同一条件で1年間、以後も同様」: a length right after the condition, with no renewal word. */
const RENEWAL_AFTER_CONDITION = new RegExp(`${CONDITION_END}(?:さらに|更に|引き続き)?${SAME_TERMS}?[、,]?(\\d{1,3})(年|${MONTH})(?:間)?(?=(?:有効|効力)|とし|とする|[、,]?(?:以後|以降|その後))`, "u");
/** 「1年（自動更新）」「1年ごとの自動更新」: a register's shorthand for terms of a year, renewed automatically. */
const SHORTHAND_AUTO = new RegExp(`(\\d{1,3})(年|${MONTH})(?:間)?(?:ごと|毎)?の?[(]?(?:自動更新|自動継続)`, "u");
/** 「自動更新（1年）」「自動更新(1年ごと)」: the length written after the renewal. */
const AUTO_THEN_LENGTH = new RegExp(`(?:自動更新|自動継続)[(（]?(\\d{1,3})(年|${MONTH})(?:間)?(?:ごと|毎)?[)）]?`, "u");
/** 「1年間の期間をもって更新」「1年を単位として更新」. */
const RENEWAL_BY_PERIOD = new RegExp(`(\\d{1,3})(年|${MONTH})(?:間)?(?:の期間をもって|を単位として|を1期として)[、,]?(?:自動的に)?${RENEWAL_WORD}`, "u");
/** 「申出がないときは、更に1年間有効とし」. */
const RENEWAL_FURTHER = new RegExp(`(?:さらに|更に|引き続き)(\\d{1,3})(年|${MONTH})(?:間)?(?:有効|効力を有)`, "u");
const SAME_LENGTH = /同一の?期間|同じ期間|同期間|同様の期間|同一の?条件|同じ条件|同条件|同一内容/u;

/** Whether the clause speaks of renewal at all. */
function speaksOfRenewal(text: string): boolean {
  if (/更新|延長|自動更新|以[後降]も?同様|その後も?同様/u.test(text)) return true;
  if (/(?:自動的に|自動で)(?!終了|失効|消滅)/u.test(text)) return true;
  // 「3年ごとに見直し、継続の可否を判断する」 is the review, not a renewal.
  return /継続(?!的)/u.test(text) && !/見直/u.test(text);
}

/** The renewal in `text` (dates set aside); `regionEnd` is where the statement of the initial term ends. */
function readRenewal(text: string, regionEnd: number): RenewalReading | null {
  const short = SHORTHAND_AUTO.exec(text);
  if (short) {
    // The shorthand is the initial term too only when no other length comes before it; after one
    // (「締結日から3年間（以降、1年ごとの自動更新）」) it is the renewal alone.
    const afterLength = !!readLength(text.slice(0, short.index));
    if (afterLength || short.index < regionEnd) return { months: monthsOf(short[1], short[2]), sameLength: false, at: short.index, length: short[0].length, alsoInitial: !afterLength };
  }
  for (const re of [RENEWAL_UNIT, RENEWAL_BY_PERIOD, RENEWAL_PERIOD_IS, RENEWAL_AFTER_CONDITION, RENEWAL_FURTHER, AUTO_THEN_LENGTH]) {
    const m = re.exec(text);
    if (m) return { months: monthsOf(m[1], m[2]), sameLength: false, at: m.index, length: m[0].length, alsoInitial: false };
  }
  const same = SAME_LENGTH.exec(text);
  if (same && new RegExp(RENEWAL_WORD, "u").test(sentenceAround(text, same.index))) return { months: null, sameLength: true, at: same.index, length: same[0].length, alsoInitial: false };
  return null;
}

/** Renewal left to the parties' agreement (「協議の上、更新することができる」), not automatic. */
const BY_CONSULTATION = /協議|合意の上|合意により|(?:更新|延長|継続)(?:すること|を行うこと)?が?できる/u;

/** The first term's length in `region`: 「3年間」「1年6か月」「18か月間」「5年の期間」. */
function readLength(region: string): { months: number; at: number; text: string } | null {
  const y = new RegExp(`(\\d{1,3})年(?!ごと|毎|度|以内|を経過|経過|後)(?:間|の期間)?(?:(\\d{1,2})${MONTH}(?:間)?)?`, "u").exec(region);
  const m = new RegExp(`(?<![年\\d])(\\d{1,3})${MONTHS_STRICT}(?!前|以内|ごと|毎)`, "u").exec(region);
  const pick = y && (!m || y.index <= m.index) ? y : m;
  if (!pick) return null;
  const months = pick === y ? Number(y[1]) * 12 + (y[2] ? Number(y[2]) : 0) : Number(m![1]);
  return months > 0 ? { months, at: pick.index, text: pick[0] } : null;
}

/** How many whole months a term from `start` to `end` is (民法第143条), or null when it is not whole months. */
function wholeMonths(start: IsoDate, end: IsoDate): number | null {
  for (let n = 1; n <= 1200; n++) {
    const e = periodEnd(start, n);
    if (e === end) return n;
    if (e > end) return null;
  }
  return null;
}

export function parseTermClause(raw: string | null | undefined): ClauseReading {
  const text = normalizeClause(raw ?? "");
  const found: ClauseFinding[] = [];
  const problems: ClauseProblem[] = [];
  const rules: Partial<TermRules> = {};
  const reading: ClauseReading = { rules, found, problems };
  if (!text) return { rules, found: ["none"], problems };
  const problem = (p: ClauseProblem): void => {
    if (!problems.includes(p)) problems.push(p);
  };

  const noExpiry = /定めない|定めなし|定めを設けない|無期限/u.test(text);
  if (noExpiry) {
    found.push("noExpiry");
    Object.assign(rules, { initialTermMonths: null, initialTermEnd: null, endsAtFiscalYearEnd: false, renewalMonths: null });
  }

  const { masked, tokens } = setDatesAside(text);
  // The initial term is stated before the proviso; renewal, notice and review may stand anywhere.
  const provisoAt = masked.search(/ただし|但し|なお[、,]/u);
  const regionEnd = provisoAt < 0 ? masked.length : provisoAt;
  const initialTokens = tokens.filter((t) => t.at < regionEnd);

  // 1. Dates: the start and the end of the initial term.
  const start = initialTokens.find((t) => t.role === "start" && t.parse.ok);
  if (start && start.parse.ok) {
    reading.startDate = start.parse.date;
    found.push("startDate");
  }
  let end: IsoDate | null = null;
  if (!noExpiry) {
    for (const t of initialTokens.filter((x) => x.role === "end")) {
      if (!t.parse.ok) problem("endDateUnreadable");
      else if (end && end !== t.parse.date) problem("termsConflict");
      else {
        end = t.parse.date;
        if (t.parse.projected) problem("eraProjected");
      }
    }
    if (end) {
      rules.initialTermEnd = end;
      found.push("initialEnd");
      if (reading.startDate && end < reading.startDate) problem("termsConflict");
    }
  }

  // 2. Renewal, notice and review, set aside once read.
  let rest = masked;
  const setAside = (at: number, length: number): void => {
    rest = rest.slice(0, at) + blank(rest.slice(at, at + length)) + rest.slice(at + length);
  };
  const renewal = noExpiry ? null : readRenewal(masked, regionEnd);
  if (renewal && !renewal.alsoInitial) setAside(renewal.at, renewal.length);

  const notice = new RegExp(`(\\d{1,3})${MONTH}前`, "u").exec(rest);
  // 「満了の30日前までに」: a notice window in days, read as days (not as 「満了日まで」).
  const noticeDays = /(\d{1,4})日前/u.exec(rest);
  if (notice) {
    rules.noticeMonths = Number(notice[1]);
    found.push("notice");
    setAside(notice.index, notice[0].length);
  } else if (noticeDays) {
    rules.noticeDays = Number(noticeDays[1]);
    rules.noticeMonths = null;
    found.push("notice");
    setAside(noticeDays.index, noticeDays[0].length);
  }
  const review = /(\d{1,2})年(?:ごと|毎)に(?:協定の)?(?:内容の)?見直/u.exec(rest);
  if (review) {
    rules.reviewCycleYears = Number(review[1]);
    found.push("review");
    setAside(review.index, review[0].length);
  }

  // 3. The initial term's length (or fiscal year end) in what is left before the proviso.
  const initial = noExpiry ? "" : rest.slice(0, regionEnd);
  // 「3年を経過した日（する日）の属する年度の末日まで」「5年を経過した日以後最初に到来する3月31日まで」.
  const yearsThenFy = /(\d{1,3})年(?:を経過(?:した|する)日|経過後|後)(?:の属する年度の(?:末日|末)|以後(?:最初に|初めて)到来する3月31日)/u.exec(initial);
  let lengthMonths: number | null = null;
  if (yearsThenFy && !end) {
    rules.initialTermMonths = Number(yearsThenFy[1]) * 12;
    rules.endsAtFiscalYearEnd = true;
    found.push("initialMonths", "fiscalYearEnd");
    lengthMonths = rules.initialTermMonths;
    // The day after the years (経過した日, 以後最初に到来する) falls in the next fiscal year when the term begins on 1 April.
    if (!/経過する日/u.test(yearsThenFy[0])) reading.fiscalYearEndAfterYears = Number(yearsThenFy[1]);
  } else if (!end && /属する年度の(?:末日|末)|年度末|年度の末日|(?<![年\d])3月31日まで/u.test(initial)) {
    rules.endsAtFiscalYearEnd = true;
    found.push("fiscalYearEnd");
  } else if (!noExpiry && renewal?.alsoInitial && !end) {
    // 「1年（自動更新）」: terms of a year, each renewed automatically.
    rules.initialTermMonths = renewal.months!;
    found.push("initialMonths");
    lengthMonths = renewal.months;
  } else if (!noExpiry) {
    // 「5年を経過する日まで」 is the last day of a five-year period (民法第143条), as 「5年間」.
    const elapsing = /(\d{1,3})年を経過する日(?:まで|迄)/u.exec(initial);
    const length = elapsing ? { months: Number(elapsing[1]) * 12 } : readLength(initial);
    if (length) lengthMonths = length.months;
    if (length && end) {
      // 「2018年4月1日から2023年3月31日までの5年間」: the dates rule; the length must agree with them.
      reading.statedMonths = length.months;
      if (reading.startDate && wholeMonths(reading.startDate, end) !== length.months) problem("termsConflict");
    } else if (length) {
      rules.initialTermMonths = length.months;
      found.push("initialMonths");
    }
  }
  const hasTerm = !!end || lengthMonths !== null || !!rules.endsAtFiscalYearEnd;
  if (!noExpiry && !hasTerm && initialTokens.some((t) => t.role === "unknown" && t.parse.ok)) problem("dateRoleUnclear");

  // 4. What the renewal comes to.
  if (noExpiry) {
    // Nothing expires, so nothing renews: the review cycle alone governs.
  } else if (renewal || speaksOfRenewal(text)) {
    const renewalSentences = renewal ? [sentenceAround(masked, renewal.at)] : masked.split("。").filter(speaksOfRenewal);
    const sameMonths = lengthMonths ?? (reading.startDate && end ? wholeMonths(reading.startDate, end) : null);
    if (renewalSentences.some((s) => BY_CONSULTATION.test(s))) problem("renewalByConsultation");
    else if (renewal && renewal.months !== null) {
      rules.renewalMonths = renewal.months;
      found.push("renewal");
    } else if (renewal && renewal.sameLength && sameMonths) {
      rules.renewalMonths = sameMonths;
      found.push("renewal", "sameLength");
    } else problem("renewalLengthUnclear");
    if (rules.renewalMonths !== undefined && renewal) {
      const span = renewalSpan(masked, renewal.at).replace(/同様の期間/gu, "");
      // Only what the clause says: 「以後も同様」「1年ごとに」「自動的に」 repeat, 「1回に限り」 does not;
      // 「…同一期間更新する」 alone says neither, and is left to the coordinator (never read as once).
      const once = /(?:1|一)(?:回|度)(?:に)?限(?:り|る)|(?:1|一)回のみ|(?:1|一)度のみ|再度の(?:更新|延長)(?:は|を)(?:しない|行わない)|再(?:更新|延長)(?:は|を)?(?:しない|行わない)/u.test(span);
      const repeats = !once && /以後|以降|その後|同様|ごと|毎|ずつ|都度|自動|その都度/u.test(span);
      if (once || repeats) {
        rules.renewalRepeats = repeats;
        found.push(repeats ? "repeats" : "once");
      } else problem("renewalRepeatUnclear");
    }
    if (!hasTerm && !problems.some((p) => p === "endDateUnreadable" || p === "dateRoleUnclear")) problem("initialTermUnclear");
  } else if (hasTerm && /(?:満了後|満了した後|満了の後|終了後|期間経過後)[^。]*(?:協議|合意)/u.test(masked)) {
    // 「期間満了後の取扱いについては、双方協議の上決定する」: what followed the term is a fact to record.
    problem("renewalByConsultation");
  } else if (hasTerm) {
    rules.renewalMonths = null;
    found.push("fixed");
  }
  // 「協定書第5条のとおり」「別紙のとおり」: the terms are written elsewhere; reading none is no reading.
  if (!hasTerm && !noExpiry && !renewal && /第\d+条|別紙|別記|(?:協定書|契約書|覚書)[^。]{0,8}(?:とおり|通り|による|定める|記載)|のとおり|の通り/u.test(masked)) problem("termsElsewhere");

  if (/書面|文書/u.test(masked)) {
    rules.noticeInWriting = true;
    found.push("writing");
  }
  if (found.length === 0 && problems.length === 0) problem("unrecognized");
  return reading;
}

/** Markers that number the items: ①, ⑴, ⒈, (1), （１）, 1., １．, 1), 1、, 第1号, 一、, (一), (ア), and bullets. */
const ITEM_MARKER = /^[\s\u3000]*(?:[\u2460-\u2473\u2474-\u2487\u2488-\u249b]|[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[.)、．）](?![0-9０-９])|[0-9０-９]{1,2}(?=[\s\u3000])|第[0-9０-９一二三四五六七八九十]{1,3}号|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|[(（][ア-ン][)）]|[・･●○◯■□◆◇\-－‐])[\s\u3000]*/u;

/** The number a marker stands for (①→1, （２）→2, ⒊→3), or null for a bullet. */
function markerNumber(marker: string): number | null {
  const ch = marker.trim().charCodeAt(0);
  if (ch >= 0x2460 && ch <= 0x2473) return ch - 0x245f;
  if (ch >= 0x2474 && ch <= 0x2487) return ch - 0x2473;
  if (ch >= 0x2488 && ch <= 0x249b) return ch - 0x2487;
  const digits = /[0-9０-９]+/u.exec(marker.normalize("NFKC"));
  return digits ? Number(digits[0].normalize("NFKC")) : null;
}

/** Where numbered markers stand inside one line, kept only when they count 1, 2, 3… in order. */
function inlineMarkerPositions(line: string): number[] {
  const candidates = /[\u2460-\u2473\u2474-\u2487]|[(（][0-9０-９]{1,2}[)）]|第[0-9０-９]{1,2}号/gu;
  const out: number[] = [];
  let next = 1;
  for (const m of line.matchAll(candidates)) {
    if (markerNumber(m[0]) === next) {
      out.push(m.index!);
      next++;
    }
  }
  return out.length >= 2 ? out : [];
}

/** An item's own text: its marker and surrounding whitespace taken off, and the 、 that separates it from the next. */
function itemText(piece: string): string {
  return piece.replace(ITEM_MARKER, "").trim().replace(/[、,，;；]+$/u, "").trim();
}

/**
 * Partnership items written as numbered text — 「(1)環境保全に関すること。(2)…」, ①②…,
 * 「1.」「一、」, or one per line — split into the items. Each item keeps its wording as
 * written (full-width brackets, 「」, 。 and ・ included); only whitespace, the marker that
 * numbers it and the 、 that separates it from the next are taken off. Inline
 * markers split the text only when they count 1, 2, 3… (「第2条(1)に定める」 inside an item
 * does not); a line without a marker after numbered lines continues the item above it.
 * Comparing or searching items is done on normalised copies, never on these.
 */
export function splitItems(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const lines = raw.split(/\r\n?|\n/u).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) {
    const items: string[] = [];
    let numbered = false;
    for (const line of lines) {
      const marked = ITEM_MARKER.test(line);
      if (marked) numbered = true;
      if (!marked && numbered && items.length) items[items.length - 1] += line;
      else items.push(line);

    }
    return items.map(itemText).filter(Boolean);
  }
  const line = lines[0] ?? "";
  const at = inlineMarkerPositions(line);
  if (at.length >= 2) {
    // Text before the first marker (「次の事項について連携する。」) is kept as written, as its own line.
    const pieces = [line.slice(0, at[0]), ...at.map((p, i) => line.slice(p, at[i + 1] ?? line.length))];
    return pieces.map(itemText).filter(Boolean);
  }
  // Bullets that cannot be part of a name (●, ■…) split a line; 「・」 inside a line never does (「観光・産業振興」).
  const bullets = line.split(/[、,]?(?=[●○◯■□◆◇])/u).filter((p) => p.trim());
  return bullets.map(itemText).filter(Boolean);
}

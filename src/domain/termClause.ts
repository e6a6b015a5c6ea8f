import { parseJapaneseDate } from "./japaneseDates";
import type { TermRules } from "./terms";

/**
 * Reading a term clause as written (「本協定の有効期間は、締結の日から3年間とする。ただし、
 * 期間満了の1か月前までに書面による申出がないときは、さらに1年間更新するものとし、以後も
 * 同様とする。」) into structured terms for the coordinator to confirm. What is read is
 * listed; what looks like a term but cannot be read for certain is reported, not guessed.
 */

export type ClauseFinding = "none" | "noExpiry" | "initialMonths" | "initialEnd" | "fiscalYearEnd" | "renewal" | "sameLength" | "repeats" | "once" | "notice" | "writing" | "fixed" | "review";
export type ClauseProblem = "unrecognized" | "noticeInDays" | "renewalLengthUnclear" | "endDateUnreadable";

export interface ClauseReading {
  /** Only what the clause states; the caller fills the rest. */
  rules: Partial<TermRules>;
  found: ClauseFinding[];
  problems: ClauseProblem[];
}

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「十二」→12, 「三十」→30, 「五」→5 (small counts as terms are written). */
function kanjiNumber(s: string): number {
  if (!s.includes("十")) return [...s].reduce((n, ch) => n * 10 + (KANJI_DIGITS[ch] ?? 0), 0);
  const [tens, ones] = s.split("十");
  return (tens ? (KANJI_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (KANJI_DIGITS[ones] ?? 0) : 0);
}

const MONTH = "(?:か|ヵ|ヶ|カ|箇|ケ)?月";

export function normalizeClause(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/([一二三四五六七八九十〇]+)(?=(年|か月|ヵ月|ヶ月|カ月|箇月|ケ月|月前|月間|日前|日間))/g, (k) => String(kanjiNumber(k)));
}

export function parseTermClause(raw: string | null | undefined): ClauseReading {
  const text = normalizeClause(raw ?? "");
  const found: ClauseFinding[] = [];
  const problems: ClauseProblem[] = [];
  const rules: Partial<TermRules> = {};
  if (!text) return { rules, found: ["none"], problems };

  const noExpiry = /定めない|定めなし|定めを設けない|無期限/.test(text);
  if (noExpiry) {
    found.push("noExpiry");
    Object.assign(rules, { initialTermMonths: null, initialTermEnd: null, endsAtFiscalYearEnd: false, renewalMonths: null });
  }

  // The initial term is what comes before the proviso or the first word about expiry/renewal.
  const cut = text.search(/ただし|但し|満了|更新|延長|継続|申し出|申出|見直/);
  let initial = noExpiry ? "" : cut < 0 ? text : text.slice(0, cut);
  const rest = cut < 0 ? "" : text.slice(cut);

  const dated = /((?:令和|平成|昭和)(?:元|\d{1,2})年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)(?:\([日月火水木金土]\))?まで/.exec(initial);
  if (dated) {
    const d = parseJapaneseDate(dated[1]);
    if (d.ok) {
      rules.initialTermEnd = d.date;
      found.push("initialEnd");
    } else problems.push("endDateUnreadable");
    initial = initial.replace(dated[0], "");
  }
  const yearsThenFy = /(\d{1,3})年(?:を経過した日|経過後|後)の属する年度の(?:末日|末)/.exec(initial);
  if (yearsThenFy) {
    rules.initialTermMonths = Number(yearsThenFy[1]) * 12;
    rules.endsAtFiscalYearEnd = true;
    found.push("initialMonths", "fiscalYearEnd");
  } else if (!dated && /属する年度の(?:末日|末)|年度末|年度の末日|(?<![年\d])3月31日まで/.test(initial)) {
    rules.endsAtFiscalYearEnd = true;
    found.push("fiscalYearEnd");
  } else if (!dated) {
    const y = new RegExp(`(\\d{1,3})年(?:間)?(?:(\\d{1,2})${MONTH}(?:間)?)?`).exec(initial);
    const m = new RegExp(`(?<![年\\d])(\\d{1,3})${MONTH}間`).exec(initial);
    const months = y ? Number(y[1]) * 12 + (y[2] ? Number(y[2]) : 0) : m ? Number(m[1]) : 0;
    if (months > 0) {
      rules.initialTermMonths = months;
      found.push("initialMonths");
    }
  }

  if (noExpiry) {
    // Nothing expires, so nothing renews: the review cycle alone governs.
  } else if (/更新|延長|継続/.test(rest)) {
    const unit = new RegExp(`(\\d{1,3})(年|${MONTH})(?:間)?(?:ずつ|ごと|毎)?(?:に)?(?:自動的に|自動で)?(?:更新|延長|継続)`).exec(rest);
    if (unit) {
      rules.renewalMonths = unit[2] === "年" ? Number(unit[1]) * 12 : Number(unit[1]);
      found.push("renewal");
    } else if (/同一の?期間|同じ期間|同期間|同一の?条件|同一内容/.test(rest) && rules.initialTermMonths) {
      rules.renewalMonths = rules.initialTermMonths;
      found.push("renewal", "sameLength");
    } else if (!/見直/.test(rest) || /更新|延長/.test(rest)) {
      problems.push("renewalLengthUnclear");
    }
    if (rules.renewalMonths !== undefined) {
      const repeats = /以後|以降|その後|同様|ごと|毎|ずつ|都度/.test(rest);
      rules.renewalRepeats = repeats;
      found.push(repeats ? "repeats" : "once");
    }
  } else if (found.includes("initialMonths") || found.includes("initialEnd") || found.includes("fiscalYearEnd")) {
    rules.renewalMonths = null;
    found.push("fixed");
  }

  const notice = new RegExp(`(\\d{1,3})${MONTH}前`).exec(rest);
  if (notice) {
    rules.noticeMonths = Number(notice[1]);
    found.push("notice");
  } else if (/(\d{1,3})日前/.test(rest)) {
    problems.push("noticeInDays");
  }
  if (/書面|文書/.test(rest)) {
    rules.noticeInWriting = true;
    found.push("writing");
  }
  const review = /(\d{1,2})年(?:ごと|毎)に(?:協定の)?(?:内容の)?見直/.exec(text);
  if (review) {
    rules.reviewCycleYears = Number(review[1]);
    found.push("review");
  }
  if (found.length === 0 && problems.length === 0) problems.push("unrecognized");
  return { rules, found, problems };
}

/**
 * Partnership items written as numbered text — 「(1)環境保全に関すること。(2)…」, ①②…,
 * 「1.」「一、」, or one per line — split into the items, markers and the closing 。 removed.
 */
export function splitItems(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const circled = raw.replace(/[\u2460-\u2473]/g, (c) => `(${c.charCodeAt(0) - 0x245f})`);
  const text = circled.normalize("NFKC").replace(/\r\n?/g, "\n");
  const marker = /^\s*(?:\(\d{1,2}\)|\d{1,2}[.)、]|第\d{1,2}号|[一二三四五六七八九十]{1,3}[、.]|[・●○◯■□-])\s*/;
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  let pieces: string[];
  if (lines.length > 1) pieces = lines;
  else {
    const inline = text.split(/(?=\(\d{1,2}\))|(?=第\d{1,2}号)/).map((p) => p.trim()).filter(Boolean);
    pieces = inline.length > 1 ? inline : text.split(/[、,]?(?=[・●])/).map((p) => p.trim()).filter(Boolean);
  }
  return pieces
    .map((p) => p.replace(marker, "").replace(/[。．、,]+$/u, "").trim())
    .filter(Boolean);
}

import type { PartnerKind } from "./types";
import { LEGAL_PREFIXES } from "./legalForms";

export { withoutLegalForm } from "./legalForms";

/**
 * Partner names as registers write them. An agreement with several partners is often one
 * row: 「A大学、B大学及びC大学」「株式会社A銀行・株式会社B銀行並びに株式会社C銀行」. The
 * separators (、 ， ・ 及び 並びに と) also occur inside one organisation's name
 * (「一般社団法人日本・アジア交流協会」「やまと銀行」), so a split is only proposed where
 * each side reads as an organisation on its own; in doubt the name is left whole. The
 * proposal is for the coordinator to accept, never applied silently.
 */

/** Words an organisation's name ends with (longest first, so 「高等学校」 wins over 「学校」). */
const ORG_SUFFIXES = [
  "株式会社", "有限会社", "合同会社", "合名会社", "合資会社", "相互会社", "会社",
  "ホールディングス", "(株)", "㈱", "(有)", "㈲",
  "大学院大学", "短期大学", "大学校", "大学", "学園",
  "高等専門学校", "高等学校", "中等教育学校", "義務教育学校", "特別支援学校", "中学校", "小学校", "専門学校", "学校", "高専", "幼稚園",
  "銀行", "信用金庫", "信用組合", "労働金庫", "金庫", "公庫", "証券",
  "協会", "協議会", "連合会", "組合", "会議所", "商工会", "医師会", "歯科医師会", "薬剤師会", "獣医師会", "商店会", "自治会", "町内会", "連絡会", "町村会", "市長会", "法人", "財団", "機構", "公社", "公団", "事業団", "広域連合",
  "研究所", "センター", "病院", "新聞社", "放送",
  "市", "町", "村", "県", "都", "府", "北海道", "区", "省", "庁",
].sort((a, b) => b.length - a.length);

/** Municipal suffixes of one character: weak evidence, so a split after them needs more (see below). */
const ONE_CHAR_SUFFIXES = new Set(["市", "町", "村", "県", "都", "府", "区", "省", "庁"]);

/** Folded for the checks only (the names proposed are substrings of the name as written). */
const fold = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * A place written after a name in brackets (「株式会社A（東京都千代田区）」「B株式会社(大阪市北区)」):
 * where the body is, not part of its name. Brackets that hold a legal form (「（株）」) are not a place.
 */
const LOCATION = /[\s\u3000]*[（(]([^（）()]{1,40})[）)][\s\u3000]*$/u;
const PLACE = /[都道府県市区町村郡]|丁目|番地/u;

/** A part's name and the place written after it, if any: 「株式会社A（東京都千代田区）」→ 株式会社A, 東京都千代田区. */
export function nameAndPlace(part: string): { name: string; place: string } {
  const m = LOCATION.exec(part);
  if (!m || m.index === 0 || !PLACE.test(m[1])) return { name: part.trim(), place: "" };
  return { name: part.slice(0, m.index).trim(), place: m[1].trim() };
}

/** The name without the place after it, folded: what the checks read. */
const core = (part: string): string => fold(nameAndPlace(part).name);

const endsAsOrganisation = (part: string): string | undefined => ORG_SUFFIXES.find((w) => core(part).endsWith(w) && core(part).length > w.length);
const startsWithLegalForm = (part: string): boolean => LEGAL_PREFIXES.some((w) => core(part).startsWith(w) && core(part).length > w.length);
const looksLikeOrganisation = (part: string): boolean => !!endsAsOrganisation(part) || startsWithLegalForm(part);

/** Separators between names; 、及び and the like count as one. The original text is cut at them. */
const SEPARATOR = /[\s\u3000]*(?:[、，,・･][\s\u3000]*)?(?:及び|および|並びに|ならびに)[\s\u3000]*|[\s\u3000]*[、，・･\n][\s\u3000]*|と/gu;

/**
 * Whether the text may be cut between `left` and the partner after it, `right`: both must be
 * organisations, and the left must end as one (「…大学」) or the right begin with a legal
 * form (「株式会社…」) — 「一般社団法人日本・アジア交流協会」 has neither at its 「・」.
 * 「と」 is also a kana inside names, so after a one-character suffix (市, 町…) the right
 * must begin with a legal form or a kanji: 「A市とうもろこし協会」 is one name.
 */
function mayCut(left: string, right: string, sep: string): boolean {
  if (!looksLikeOrganisation(left) || !looksLikeOrganisation(right)) return false;
  const suffix = endsAsOrganisation(left);
  if (!suffix && !startsWithLegalForm(right)) return false;
  const weak = sep === "と" && (!suffix || ONE_CHAR_SUFFIXES.has(suffix));
  return !weak || startsWithLegalForm(right) || /^[\u4e00-\u9fff]/u.test(fold(right));
}

/**
 * A group named as one (「清瀬市内金融機関ほか2社」「A商店会ほか市内商店会及びB協会」): the bodies are
 * not all named, so no split is proposed from its fragments; it is imported as one, with a note.
 * 「ほか」 inside a word (「ほかほか弁当」) is not a group.
 */
export function isGroupName(name: string): boolean {
  const n = fold(name);
  return /(?:外|他)[0-9一二三四五六七八九十]+(?:社|団体|者|法人|大学|機関|事業者)|(?<![ぁ-ゖ])ほか(?![ぁ-ゖ])/u.test(n);
}

/** Conjunctions that join bodies and are never part of one body's name. */
const CONJUNCTION = /[\s\u3000]*(?:[、，,][\s\u3000]*)?(?:及び|および|並びに|ならびに)[\s\u3000]*/gu;

/** The parts of a split proposed, each without the place written after it (kept apart as `place`). */
export function proposePartnerParts(name: string): Array<{ name: string; place: string }> {
  const whole = name.trim();
  if (!whole) return [];
  if (isGroupName(whole)) return [{ name: whole, place: "" }];
  const parts = proposePartnerSplit(whole);
  if (parts.length > 1) return parts.map(nameAndPlace);
  // A cell that joins names by 及び／並びに may name several bodies even when a side does not read as an
  // organisation (「みらい電機及びひかり商事」): a split at the conjunctions alone is proposed, never inside a name.
  const atConjunctions = whole.split(CONJUNCTION).map((p) => p.trim());
  if (atConjunctions.length > 1 && atConjunctions.every((p) => nameAndPlace(p).name.length > 1)) return atConjunctions.map(nameAndPlace);
  return [{ name: whole, place: "" }];
}

/**
 * The separate partners an agreement names, as written: 「A大学、B大学及びC大学」→
 * [A大学, B大学, C大学]. [name] when there is one partner or any doubt, and for a group
 * (「…ほか2社」). A place in brackets after a name (「株式会社A（東京都千代田区）及び…」) does
 * not hide the organisation before it.
 */
export function proposePartnerSplit(name: string): string[] {
  const whole = name.trim();
  if (!whole) return [];
  if (isGroupName(whole)) return [whole];
  const seps = [...whole.matchAll(SEPARATOR)];
  // The best split of the text from `from` on, every part an organisation; null when there is none.
  const memo = new Map<number, string[] | null>();
  const splitFrom = (from: number): string[] | null => {
    if (memo.has(from)) return memo.get(from)!;
    const text = whole.slice(from).trim();
    let out: string[] | null = looksLikeOrganisation(text) ? [text] : null;
    for (const m of seps) {
      if (m.index! <= from) continue;
      const left = whole.slice(from, m.index).trim();
      if (!looksLikeOrganisation(left)) continue;
      const tail = splitFrom(m.index! + m[0].length);
      if (tail && mayCut(left, tail[0], m[0].trim())) {
        out = [left, ...tail];
        break;
      }
    }
    memo.set(from, out);
    return out;
  };
  const parts = splitFrom(0);
  return parts && parts.length > 1 ? parts : [whole];
}

/** Kinds of partner, finer than PartnerKind: NPOs apart from associations. */
export type ExtendedPartnerKind = PartnerKind | "npo";

/** First match wins; the order settles names that carry several hints (「A大学附属高等学校」 is a school). */
const KIND_RULES: Array<[ExtendedPartnerKind, RegExp]> = [
  ["npo", /特定非営利活動法人|NPO法人|^NPO|認定NPO|\(特非\)/i],
  ["association", /生活協同組合|生協/],
  ["school", /高等学校|中学校|小学校|中等教育学校|義務教育学校|特別支援学校|支援学校|専門学校|高等専門学校|高専|高校$|幼稚園|(?<!大)学校$/],
  ["university", /大学|学園|短期大学/],
  // Insurers are companies (生命保険株式会社, 相互会社), not the banks and credit unions below.
  ["company", /生命保険|損害保険|損保|生命$|相互会社|少額短期保険/],
  ["financialInstitution", /銀行|信用金庫|信金|信用組合|労働金庫|証券|公庫|ゆうちょ/],
  ["company", /株式会社|有限会社|合同会社|合名会社|合資会社|\(株\)|㈱|\(有\)|㈲|ホールディングス|Inc\.?$|Co\.,?\s*Ltd|Ltd\.?$|Corporation$|K\.K\.$/i],
  [
    "publicBody",
    /独立行政法人|国立研究開発法人|公社$|公団$|事業団$|広域連合|一部事務組合|市長会|町村会|町村長会|町長会|村長会|知事会|議長会|教育委員会|役所$|役場$|(?:市町村|市町|県市|市長|町長|村長|自治体)[^、]*協議会$|(?:市|町|村|県|都|府|北海道|区|省|庁|署|消防本部)$/,
  ],
  ["association", /協会|協議会|会議所|組合|社団法人|財団法人|連合会|商工会|医師会|薬剤師会|商店会|自治会|町内会|社会福祉法人|^JA/],
];

/**
 * The kind a partner's name suggests, for the coordinator to confirm; "other" when the name
 * gives no hint (a company written without its legal form is not assumed to be one).
 */
export function guessPartnerKindExtended(name: string): ExtendedPartnerKind {
  const n = fold(name);
  if (!n) return "other";
  return KIND_RULES.find(([, re]) => re.test(n))?.[0] ?? "other";
}

/** The stored kind for an extended one: an NPO is stored as a 団体 (association). */
export function toPartnerKind(kind: ExtendedPartnerKind): PartnerKind {
  if (kind === "npo") return "association";
  return kind;
}

/*
 * Legal forms (株式会社, 学校法人, カブシキガイシャ…) and a name without them, for sorting by reading.
 * Apart from partnerNames.ts (the register import's splitting, with its long tables) because every
 * list of partners sorts with it on its first screen, and the splitting is loaded only by the import.
 */

/** Legal forms written before the name (「株式会社みらい電機」「学校法人清瀬学園」). */
export const LEGAL_PREFIXES = [
  "株式会社", "有限会社", "合同会社", "合名会社", "合資会社",
  "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社団法人", "財団法人",
  "国立大学法人", "公立大学法人", "学校法人", "社会福祉法人", "特定非営利活動法人", "認定特定非営利活動法人", "NPO法人", "認定NPO法人",
  "独立行政法人", "地方独立行政法人", "国立研究開発法人", "医療法人社団", "医療法人財団", "医療法人", "宗教法人", "農事組合法人",
  "(株)", "㈱", "(有)", "㈲", "(一社)", "(公社)", "(一財)", "(公財)", "(学)", "(福)", "(特非)", "(独)",
].sort((a, b) => b.length - a.length);

/** Legal forms written after the name (「ひまわり薬局株式会社」「清瀬商事(有)」). */
const LEGAL_SUFFIXES = ["株式会社", "有限会社", "合同会社", "合名会社", "合資会社", "(株)", "㈱", "(有)", "㈲", "(同)"];

/** Legal forms as a reading (フリガナ) writes them, hiragana, folded (「カブシキガイシャ」). */
const KANA_LEGAL_FORMS = [
  "かぶしきがいしゃ", "かぶしきかいしゃ", "ゆうげんがいしゃ", "ゆうげんかいしゃ", "ごうどうがいしゃ", "ごうどうかいしゃ",
  "いっぱんしゃだんほうじん", "こうえきしゃだんほうじん", "いっぱんざいだんほうじん", "こうえきざいだんほうじん", "しゃだんほうじん", "ざいだんほうじん",
  "こくりつだいがくほうじん", "こうりつだいがくほうじん", "がっこうほうじん", "しゃかいふくしほうじん", "とくていひえいりかつどうほうじん", "いりょうほうじん",
  "どくりつぎょうせいほうじん", "ちほうどくりつぎょうせいほうじん", "のうじくみあいほうじん",
].sort((a, b) => b.length - a.length);

/**
 * A partner's name or reading as it sorts: without the legal form written before or after it
 * (株式会社, (株), ㈱, 有限会社, 一般社団法人, 国立大学法人, 学校法人…, and カブシキガイシャ in a
 * reading), so 「(株)ひまわり薬局」 sorts under ひ, not before every other name. Width folded, katakana as hiragana.
 */
export function withoutLegalForm(text: string): string {
  let s = text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  const strip = (forms: string[]): void => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const f of forms) {
        if (s.length > f.length && s.startsWith(f)) {
          s = s.slice(f.length);
          changed = true;
        } else if (s.length > f.length && s.endsWith(f)) {
          s = s.slice(0, -f.length);
          changed = true;
        }
      }
    }
  };
  strip([...LEGAL_PREFIXES, ...LEGAL_SUFFIXES]);
  const folded = s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
  s = folded;
  strip(KANA_LEGAL_FORMS);
  return s;
}

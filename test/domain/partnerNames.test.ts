import { guessPartnerKindExtended, isGroupName, nameAndPlace, proposePartnerParts, proposePartnerSplit, toPartnerKind } from "../../src/domain/partnerNames";

describe("agreements with several partners: a split proposed", () => {
  test.each([
    ["A大学、B大学及びC大学", ["A大学", "B大学", "C大学"]],
    ["株式会社A銀行・株式会社B銀行並びに株式会社C銀行", ["株式会社A銀行", "株式会社B銀行", "株式会社C銀行"]],
    ["国立大学法人X大学と学校法人Y学園", ["国立大学法人X大学", "学校法人Y学園"]],
    ["清瀬北大学，清瀬南短期大学", ["清瀬北大学", "清瀬南短期大学"]],
    ["東京大学・京都大学", ["東京大学", "京都大学"]],
    ["日本郵便株式会社・株式会社ゆうちょ銀行", ["日本郵便株式会社", "株式会社ゆうちょ銀行"]],
    ["株式会社みらい電機と株式会社ひかり商事", ["株式会社みらい電機", "株式会社ひかり商事"]],
    ["A市、B町及びC村", ["A市", "B町", "C村"]],
    ["埼玉県及び清瀬市", ["埼玉県", "清瀬市"]],
    ["みなと銀行と株式会社B", ["みなと銀行", "株式会社B"]],
    ["A大学、及びB大学", ["A大学", "B大学"]],
    ["A大学 ・ B大学", ["A大学", "B大学"]],
    ["A大学\nB大学", ["A大学", "B大学"]],
    ["A大学と日本・アジア交流協会", ["A大学", "日本・アジア交流協会"]],
    ["A大学と一般社団法人日本・アジア交流協会", ["A大学", "一般社団法人日本・アジア交流協会"]],
    ["（株）みらい電機・（株）ひかり商事", ["（株）みらい電機", "（株）ひかり商事"]],
    ["株式会社ことぶきと株式会社ひかり商事", ["株式会社ことぶき", "株式会社ひかり商事"]],
    ["清瀬市と東村山市", ["清瀬市", "東村山市"]],
    ["清瀬市医師会、清瀬市歯科医師会及び清瀬市薬剤師会", ["清瀬市医師会", "清瀬市歯科医師会", "清瀬市薬剤師会"]],
    ["清瀬市自治会連合会・清瀬市商店会連合会", ["清瀬市自治会連合会", "清瀬市商店会連合会"]],
  ])("%s", (name, parts) => {
    expect(proposePartnerSplit(name)).toEqual(parts);
  });

  test.each([
    "一般社団法人日本・アジア交流協会",
    "公益財団法人日本・中国友好協会",
    "株式会社セブン‐イレブン・ジャパン",
    "株式会社ひと・まち研究所",
    "東京・大阪商工会議所",
    "まち・ひと・しごと創生協会",
    "やまと銀行",
    "株式会社まこと銀行",
    "株式会社ことぶき",
    "A市とうもろこし協会",
    "A町とさくら銀行", // a kana after 「町と」: in doubt, left whole
    "株式会社A・B",
    "A大学・大学院",
    "ABCと株式会社",
    "みらい電機",
    "清瀬北大学",
    "Apple Japan, Inc.",
  ])("one name is left whole: %s", (name) => {
    expect(proposePartnerSplit(name)).toEqual([name]);
  });

  test("blank", () => {
    expect(proposePartnerSplit("  ")).toEqual([]);
  });
});

describe("partner kinds, finer than the stored ones", () => {
  test.each([
    ["株式会社みらい電機", "company"],
    ["みらい電機株式会社", "company"],
    ["（株）みらい電機", "company"],
    ["第一生命保険株式会社", "company"],
    ["明治安田生命保険相互会社", "company"],
    ["日本生命", "company"],
    ["東京海上日動火災保険株式会社", "company"],
    ["株式会社ひまわり銀行", "financialInstitution"],
    ["ひまわり信用金庫", "financialInstitution"],
    ["清瀬信用組合", "financialInstitution"],
    ["株式会社日本政策金融公庫", "financialInstitution"],
    ["国立大学法人清瀬大学", "university"],
    ["学校法人清瀬学園", "university"],
    ["清瀬短期大学", "university"],
    ["防衛大学校", "university"],
    ["東京都立清瀬高等学校", "school"],
    ["清瀬大学附属中学校", "school"],
    ["清瀬市立第一小学校", "school"],
    ["独立行政法人国立高等専門学校機構 東京工業高等専門学校", "school"],
    ["清瀬高専", "school"],
    ["学校法人みらい学園 みらい専門学校", "school"],
    ["清瀬市", "publicBody"],
    ["奥多摩町", "publicBody"],
    ["檜原村", "publicBody"],
    ["埼玉県", "publicBody"],
    ["東京都", "publicBody"],
    ["北海道", "publicBody"],
    ["千代田区", "publicBody"],
    ["東京都市長会", "publicBody"],
    ["北多摩地域市町村協議会", "publicBody"],
    ["独立行政法人都市再生機構", "publicBody"],
    ["東京都住宅供給公社", "publicBody"],
    ["清瀬市教育委員会", "publicBody"],
    ["特定非営利活動法人きよせの森", "npo"],
    ["NPO法人きよせの森", "npo"],
    ["清瀬市社会福祉協議会", "association"],
    ["清瀬市観光協会", "association"],
    ["一般社団法人清瀬青年会議所", "association"],
    ["清瀬商工会", "association"],
    ["東京都生活協同組合連合会", "association"],
    ["JA東京みらい", "association"],
    ["清瀬大学生活協同組合", "association"],
    ["みらい電機", "other"],
    ["", "other"],
  ])("%s → %s", (name, kind) => {
    expect(guessPartnerKindExtended(name)).toBe(kind);
  });

  test("mapped onto the kinds stored today", () => {
    expect(toPartnerKind("school")).toBe("school");
    expect(toPartnerKind("publicBody")).toBe("publicBody");
    expect(toPartnerKind("npo")).toBe("association");
    expect(toPartnerKind("financialInstitution")).toBe("financialInstitution");
  });
});

test.each([
  ["清瀬市医師会", "association"],
  ["一般社団法人清瀬市歯科医師会", "association"],
  ["清瀬市薬剤師会", "association"],
  ["中里町内会", "association"],
])("medical and local associations are 団体: %s", (name, kind) => {
  expect(guessPartnerKindExtended(name)).toBe(kind);
});

/** Issue 33, point 10d: several bodies in one cell are proposed, never split inside one body's name, never from a group's fragments. */
describe("several bodies in one cell, as published registers write them", () => {
  test("two companies joined by 及び, each followed by its location in brackets", () => {
    expect(proposePartnerParts("株式会社A（東京都千代田区）及び株式会社B（大阪市北区）")).toEqual([
      { name: "株式会社A", place: "東京都千代田区" },
      { name: "株式会社B", place: "大阪市北区" },
    ]);
    expect(proposePartnerParts("Aホールディングス株式会社（東京都港区）及びB銀行株式会社（大阪府大阪市）")).toEqual([
      { name: "Aホールディングス株式会社", place: "東京都港区" },
      { name: "B銀行株式会社", place: "大阪府大阪市" },
    ]);
    expect(nameAndPlace("（株）みらい電機")).toEqual({ name: "（株）みらい電機", place: "" });
    expect(nameAndPlace("清瀬電機(株)")).toEqual({ name: "清瀬電機(株)", place: "" });
  });

  test("a name with 「・」 is one body unless a conjunction splits it", () => {
    expect(proposePartnerSplit("株式会社ヤマト・ホールディングス")).toEqual(["株式会社ヤマト・ホールディングス"]);
    expect(proposePartnerParts("株式会社ヤマト・ホールディングス")).toEqual([{ name: "株式会社ヤマト・ホールディングス", place: "" }]);
    expect(proposePartnerParts("株式会社ヤマト・ホールディングス及び株式会社B（大阪市北区）")).toEqual([
      { name: "株式会社ヤマト・ホールディングス", place: "" },
      { name: "株式会社B", place: "大阪市北区" },
    ]);
  });

  test("names joined by 及び are proposed at the conjunction even when a side does not read as an organisation", () => {
    expect(proposePartnerParts("みらい電機及びひかり商事")).toEqual([
      { name: "みらい電機", place: "" },
      { name: "ひかり商事", place: "" },
    ]);
  });

  test.each(["清瀬市内金融機関ほか2社", "株式会社あおば電機ほか3社", "清瀬駅前商店会ほか市内商店会及び清瀬商工会議所", "A大学他2大学"])("a group's name is not proposed as fragments: %s", (name) => {
    expect(isGroupName(name)).toBe(true);
    expect(proposePartnerSplit(name)).toEqual([name]);
    expect(proposePartnerParts(name)).toEqual([{ name, place: "" }]);
  });

  test.each(["ほかほか弁当株式会社", "株式会社ヤマト・ホールディングス", "清瀬北大学"])("not a group: %s", (name) => {
    expect(isGroupName(name)).toBe(false);
  });
});

/** Partner order (issue 18 item 6): one order everywhere, by reading. */
test("partners in one order everywhere: by their reading, katakana and hiragana alike, then by name", async () => {
  const { byReading } = await import("../../src/domain/partners");
  const list = [
    { name: "武蔵野ガス株式会社", kana: "ムサシノガス" },
    { name: "株式会社アオバ通信", kana: "あおばつうしん" },
    { name: "清瀬北大学", kana: "" },
    { name: "O'Hara 食品株式会社", kana: "オハラショクヒン" },
  ];
  expect([...list].sort(byReading).map((p) => p.name)).toEqual(["株式会社アオバ通信", "O'Hara 食品株式会社", "武蔵野ガス株式会社", "清瀬北大学"]);
});

/** Issue 33, point 10c: the legal form is not part of the order. */
test("partners sort by their reading without the legal form before or after the name", async () => {
  const { byReading } = await import("../../src/domain/partners");
  const { withoutLegalForm } = await import("../../src/domain/partnerNames");
  const list = [
    { name: "(株)ひまわり薬局", kana: "" },
    { name: "株式会社アオバ通信", kana: "" },
    { name: "一般社団法人清瀬市医師会", kana: "イッパンシャダンホウジンキヨセシイシカイ" },
    { name: "国立大学法人東京農工大学", kana: "とうきょうのうこうだいがく" },
    { name: "学校法人明治薬科大学", kana: "メイジヤッカダイガク" },
    { name: "㈱さくら交通", kana: "" },
    { name: "いろは商事有限会社", kana: "" },
    { name: "ＫＩＹＯＳＥ物流（株）", kana: "キヨセブツリュウ カブシキガイシャ" },
  ];
  expect([...list].sort(byReading).map((p) => p.name)).toEqual([
    "株式会社アオバ通信",
    "いろは商事有限会社",
    "一般社団法人清瀬市医師会", // きよせしいしかい
    "ＫＩＹＯＳＥ物流（株）", // きよせぶつりゅう
    "㈱さくら交通",
    "国立大学法人東京農工大学",
    "(株)ひまわり薬局",
    "学校法人明治薬科大学",
  ]);
  expect(withoutLegalForm("(株)ひまわり薬局")).toBe("ひまわり薬局");
  expect(withoutLegalForm("株式会社ヤマト・ホールディングス")).toBe("やまと・ほーるでぃんぐす");
  expect(withoutLegalForm("有限会社清瀬商事")).toBe("清瀬商事");
  expect(withoutLegalForm("特定非営利活動法人まちづくり清瀬")).toBe("まちづくり清瀬");
  // A name that is nothing but a legal form keeps it (nothing else to sort by).
  expect(withoutLegalForm("株式会社")).toBe("株式会社");
});

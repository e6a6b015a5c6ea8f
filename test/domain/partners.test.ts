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

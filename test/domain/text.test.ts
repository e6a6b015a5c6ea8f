import { fitText } from "../../src/domain/text";

describe("fitText: a built text fitted to its column (UTF-16 code units, as SharePoint counts), cut at code points", () => {
  test("a text that fits is unchanged", () => {
    expect(fitText("清瀬市と株式会社さくら食品との包括連携協定（庁内調査）", 255)).toBe("清瀬市と株式会社さくら食品との包括連携協定（庁内調査）");
    expect(fitText("a".repeat(255), 255)).toBe("a".repeat(255));
  });
  test("a longer text is cut and ends with …, the whole within the limit", () => {
    const out = fitText("連".repeat(300), 255);
    expect(out).toBe("連".repeat(254) + "…");
    expect(out.length).toBe(255);
  });
  test("never splits a surrogate pair (emoji, rare kanji): the pair is dropped whole", () => {
    const s = "あ".repeat(253) + "😀" + "い";
    const out = fitText(s, 255);
    expect(out).toBe("あ".repeat(253) + "…");
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(fitText("𠮷".repeat(10), 6)).toBe("𠮷𠮷…");
    expect(fitText("😀".repeat(200), 255)).toBe("😀".repeat(127) + "…");
  });
  test("a limit of 0 gives nothing", () => {
    expect(fitText("abc", 0)).toBe("");
  });
});

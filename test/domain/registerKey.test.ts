import { agreementKey, registerKeyOf } from "../../src/domain/registerImport";

test("台帳の取込キー: the row's key when it fits; a longer one is cut at a code point and ends with a hash of the whole, the same every time", () => {
  const short = agreementKey("株式会社テスト", "テスト協定", "2020-04-01");
  expect(registerKeyOf(short)).toBe(short);
  const long = agreementKey("𠮷".repeat(60), "協定".repeat(100), "2020-04-01");
  const a = registerKeyOf(long);
  expect(a.length).toBeLessThanOrEqual(255);
  expect(a).toBe(registerKeyOf(long));
  expect(/[\uD800-\uDBFF]#/.test(a)).toBe(false);
  expect(registerKeyOf(`${long}x`)).not.toBe(a);
});

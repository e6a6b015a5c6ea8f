import { createHash } from "crypto";
import { sha256Hex } from "../../src/domain/sha256";

test("SHA-256 of FIPS 180-4's examples", () => {
  expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
});

test("the same as Node's for Japanese text and every length around a block's end", () => {
  const base = "地域の防災講座を共催し、30名が参加した。𠮷野家";
  for (let n = 0; n < 140; n++) {
    const text = base.repeat(3).slice(0, n) + "x".repeat(n % 7);
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  }
});

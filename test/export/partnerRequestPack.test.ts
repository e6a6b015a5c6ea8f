import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadExcel } from "../../src/export/excel";
import { buildZip, crc32 } from "../../src/export/zipWriter";
import { base64, buildEml, encodeWords } from "../../src/export/eml";
import { buildPartnerRequestPack, packFileName } from "../../src/export/partnerRequestPack";
import { zipEntries } from "../../src/export/zipBounds";
import type { CityProposal, Partner, PartnershipItem } from "../../src/domain/types";

const contact = { sender: "清瀬市 企画部 未来創造課", person: "山田 花子", phone: "042-492-5111", email: "mirai@city.example.jp" };

/** An independent reading of RFC 2047 encoded words (Buffer's base64, not ours); white space between two words is not text (6.2). */
const decodeWords = (v: string): string => v.replace(/\?=\s+=\?/g, "?==?").replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b: string) => Buffer.from(b, "base64").toString("utf8"));

/** Headers and MIME parts of an .eml, read with Buffer. */
function readEml(text: string): { headers: Map<string, string>; parts: Array<{ headers: Map<string, string>; body: Buffer }> } {
  const [head, ...rest] = text.split("\r\n\r\n");
  const headerMap = (h: string): Map<string, string> => new Map(h.replace(/\r\n /g, " ").split("\r\n").map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  const headers = headerMap(head.replace(/\r\n /g, "\r\n "));
  const boundary = /boundary="([^"]+)"/.exec(headers.get("content-type") ?? "")?.[1];
  const bodyText = rest.join("\r\n\r\n");
  const chunks = boundary ? bodyText.split(`--${boundary}`).slice(1, -1) : [`\r\n${head.split("\r\n").filter((l) => /^content-/i.test(l)).join("\r\n")}\r\n\r\n${bodyText}`];
  const parts = chunks.map((c) => {
    const [ph, pb] = c.replace(/^\r\n/, "").split("\r\n\r\n");
    return { headers: headerMap(ph), body: Buffer.from(pb.replace(/\r\n/g, ""), "base64") };
  });
  return { headers, parts };
}

test("the zip writer's output is read back by JSZip, by Info-ZIP's unzip and by our own bounds check, with Japanese names intact", async () => {
  const files = [
    { name: "別紙1_令和9年度_株式会社ひまわり.txt", data: "こんにちは\r\n" },
    { name: "empty.bin", data: new Uint8Array(0) },
    { name: "sub/バイナリ.bin", data: new Uint8Array([0, 1, 2, 255, 254]) },
  ];
  const zip = buildZip(files, new Date(2027, 3, 12, 9, 30, 0));
  const read = await JSZip.loadAsync(zip);
  expect(Object.keys(read.files).filter((n) => !read.files[n].dir)).toEqual(files.map((f) => f.name));
  expect(await read.file(files[0].name)!.async("string")).toBe("こんにちは\r\n");
  expect([...(await read.file("sub/バイナリ.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 255, 254]);
  expect(read.file(files[0].name)!.date.getFullYear()).toBe(2027);
  expect(zipEntries(zip)!.map((e) => e.name)).toEqual(files.map((f) => f.name));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-zip-"));
  try {
    fs.writeFileSync(path.join(dir, "a.zip"), zip);
    // unzip -t checks every entry's CRC against its data.
    expect(execFileSync("unzip", ["-t", path.join(dir, "a.zip")], { encoding: "utf8" })).toMatch(/No errors detected/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The language-encoding flag (bit 11) on the first entry's local and central headers: readers must take the names as UTF-8.
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  expect(view.getUint16(6, true) & 0x0800).toBe(0x0800);
  const central = view.getUint32(zip.length - 22 + 16, true);
  expect(view.getUint32(central, true)).toBe(0x02014b50);
  expect(view.getUint16(central + 8, true) & 0x0800).toBe(0x0800);
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  expect(() => buildZip([{ name: "a", data: "" }, { name: "a", data: "" }])).toThrow(/Duplicate/);
  expect(() => buildZip([{ name: "../x", data: "" }])).toThrow(/Unsafe/);
});

test("base64 and RFC 2047 encoded words: at most 75 characters each, never a character split, ASCII left as it is", () => {
  for (const s of ["", "a", "ab", "abc", "abcd", "日本語"]) expect(base64(new TextEncoder().encode(s))).toBe(Buffer.from(s).toString("base64"));
  expect(encodeWords("Plain subject")).toBe("Plain subject");
  const long = "【依頼】令和9年度における本市からの連携事項の提案へのご回答について（清瀬市 企画部 未来創造課）";
  const words = encodeWords(long);
  const list = words.split("\r\n ");
  expect(list.length).toBeGreaterThan(1);
  for (const w of list) {
    expect(w.length).toBeLessThanOrEqual(75);
    expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    // Each word decodes on its own to whole characters.
    expect(Buffer.from(w.slice(10, -2), "base64").toString("utf8")).not.toContain("\ufffd");
  }
  expect(decodeWords(words)).toBe(long);
});

test("an .eml draft: X-Unsent, To with the encoded name, Subject encoded, the body in UTF-8 with CRLF, the workbook attached with its Japanese name", () => {
  const eml = buildEml({ to: { address: "sato@himawari.example.jp", name: "株式会社ひまわり 佐藤 一郎 様" }, subject: "【依頼】連携事項のご提案について", body: "一行目\n二行目", attachments: [{ name: "別紙1_令和9年度_株式会社ひまわり.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: new Uint8Array([80, 75, 3, 4]) }] });
  for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
  expect(eml).toMatch(/^[\p{ASCII}]*$/u);
  expect(eml).not.toMatch(/[^\r]\n/);
  const { headers, parts } = readEml(eml);
  expect(headers.get("x-unsent")).toBe("1");
  expect(decodeWords(headers.get("to")!)).toBe("株式会社ひまわり 佐藤 一郎 様 <sato@himawari.example.jp>");
  expect(decodeWords(headers.get("subject")!)).toBe("【依頼】連携事項のご提案について");
  expect(headers.has("from")).toBe(false);
  expect(parts).toHaveLength(2);
  expect(parts[0].headers.get("content-type")).toBe("text/plain; charset=UTF-8");
  expect(parts[0].body.toString("utf8")).toBe("一行目\r\n二行目");
  expect(parts[1].headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("別紙1_令和9年度_株式会社ひまわり.xlsx")}`);
  expect(decodeWords(/name="([^"]+)"/.exec(parts[1].headers.get("content-type")!)![1].replace(/ /g, "\r\n "))).toBe("別紙1_令和9年度_株式会社ひまわり.xlsx");
  expect([...parts[1].body]).toEqual([80, 75, 3, 4]);

  const noTo = readEml(buildEml({ to: null, subject: "s", body: "b", attachments: [] }));
  expect(noTo.headers.has("to")).toBe(false);
  expect(noTo.parts[0].body.toString("utf8")).toBe("b");
  // An address that could inject a header is left out, not written.
  expect(buildEml({ to: { address: "a@b.jp\r\nBcc: x@y.jp", name: "" }, subject: "s", body: "b", attachments: [] })).not.toMatch(/Bcc|To:/);
});

const partner = (id: number, name: string, email: string, contactName = ""): Partner => ({ id, name, kana: "", kind: "company", address: "", contactName, contactEmail: email, contactPhone: "", website: "" }) as Partner;
const items = [{ id: 4, itemNo: 1, text: "食育に関すること" }, { id: 5, itemNo: 2, text: "防災に関すること" }] as PartnershipItem[];

test("Form 1 pack: the letter as text, and per partner a workbook with its name and items and a draft to its contact with that workbook attached", async () => {
  const excel = await loadExcel();
  const pack = await buildPartnerRequestPack(excel, {
    form: "form1",
    fiscalYear: 2027,
    deadline: "2027-05-20",
    today: "2027-04-12",
    contact,
    partners: [
      { partner: partner(1, "株式会社ひまわり", "sato@himawari.example.jp", "佐藤 一郎"), items, proposals: [] },
      { partner: partner(2, "清瀬/東京 商事", ""), items: [items[1]], proposals: [] },
    ],
    itemTitle: () => "",
  });
  expect(pack.fileName).toBe("別紙1_令和9年度_企業等への依頼一式.zip");
  expect(packFileName("form2", 2027)).toBe("別紙2_令和9年度_企業等への依頼一式.zip");
  const zip = await JSZip.loadAsync(pack.zip);
  const names = Object.keys(zip.files);
  expect(names).toEqual(["依頼文_別紙1_令和9年度.txt", "別紙1_令和9年度_株式会社ひまわり.xlsx", "別紙1_令和9年度_株式会社ひまわり.eml", "別紙1_令和9年度_清瀬_東京 商事.xlsx", "別紙1_令和9年度_清瀬_東京 商事.eml"]);
  expect(pack.entries).toEqual(names);

  const letter = await zip.file("依頼文_別紙1_令和9年度.txt")!.async("string");
  expect(letter.startsWith("\uFEFF令和9年4月12日\r\n")).toBe(true);
  expect(letter).toContain("包括連携協定締結先 各位");
  expect(letter).toContain("２　提出期限　令和9年5月20日（木）");

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await zip.file("別紙1_令和9年度_清瀬_東京 商事.xlsx")!.async("arraybuffer"));
  expect(wb.getWorksheet("別紙①")!.getCell("B4").value).toBe("清瀬/東京 商事");
  expect(wb.getWorksheet("選択肢")!.getCell("A1").value).toBe("第2号 防災に関すること");

  const eml = readEml(await zip.file("別紙1_令和9年度_株式会社ひまわり.eml")!.async("string"));
  expect(decodeWords(eml.headers.get("to")!)).toBe("株式会社ひまわり 佐藤 一郎 様 <sato@himawari.example.jp>");
  expect(decodeWords(eml.headers.get("subject")!)).toBe("【依頼】令和9年度における連携事項のご提案について（清瀬市 企画部 未来創造課）");
  const body = eml.parts[0].body.toString("utf8");
  expect(body).toContain("株式会社ひまわり\r\n佐藤 一郎 様");
  expect(body).toContain("本市と貴社との包括連携協定");
  const attached = new ExcelJS.Workbook();
  await attached.xlsx.load(eml.parts[1].body);
  expect(attached.getWorksheet("別紙①")!.getCell("B4").value).toBe("株式会社ひまわり");

  const noAddress = readEml(await zip.file("別紙1_令和9年度_清瀬_東京 商事.eml")!.async("string"));
  expect(noAddress.headers.has("to")).toBe(false);
  expect(noAddress.parts[0].body.toString("utf8")).toContain("清瀬/東京 商事\r\nご担当者 様");
});

test("Form 2 pack: each partner's workbook lists the city's proposals to it, and its letter counts them", async () => {
  const excel = await loadExcel();
  const proposal = (id: number, title: string): CityProposal => ({ id, title, content: `${title}の内容`, department: { id: 3, title: "子ども家庭部 子育て支援課" }, partnershipItem: { id: 4, title: "" }, partnerAnswer: "pending", answerComment: "", answerDate: null }) as unknown as CityProposal;
  const pack = await buildPartnerRequestPack(excel, {
    form: "form2",
    fiscalYear: 2027,
    deadline: "2027-07-30",
    today: "2027-06-01",
    contact,
    partners: [{ partner: partner(1, "株式会社ひまわり", "sato@himawari.example.jp"), items: [], proposals: [proposal(31, "子育て講座"), proposal(32, "防災訓練")] }],
    itemTitle: () => "第1号 食育に関すること",
  });
  const zip = await JSZip.loadAsync(pack.zip);
  expect(Object.keys(zip.files)).toEqual(["依頼文_別紙2_令和9年度.txt", "別紙2_令和9年度_株式会社ひまわり.xlsx", "別紙2_令和9年度_株式会社ひまわり.eml"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await zip.file("別紙2_令和9年度_株式会社ひまわり.xlsx")!.async("arraybuffer"));
  const ws = wb.getWorksheet("別紙②")!;
  expect([ws.getCell("B7").value, ws.getCell("E7").value, ws.getCell("B8").value, ws.getCell("E8").value]).toEqual([31, "子育て講座", 32, "防災訓練"]);
  const body = readEml(await zip.file("別紙2_令和9年度_株式会社ひまわり.eml")!.async("string")).parts[0].body.toString("utf8");
  expect(body).toContain("（提案 2 件）");
  expect(body).toContain("令和9年7月30日（金）");
});

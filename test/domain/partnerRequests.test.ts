import { contactFromSettings, eraDateWithWeekday, followUpMailto, honorific, LetterInput, mailtoLink, MAILTO_MAX, partnerFileStem, requestLetter, safeFileName, shortMailBody, uniqueStems, validateContact } from "../../src/domain/partnerRequests";

const contact = { sender: "清瀬市 企画部 未来創造課", person: "山田 花子", phone: "042-492-5111", email: "mirai@city.example.jp" };
const base: LetterInput = { form: "form1", fiscalYear: 2027, deadline: "2027-05-20", date: "2027-04-12", contact, partner: null };

test("the Form 1 letter is a city's 依頼文: date, 各位, sender, title, body, 記 with the form, the deadline in 令和 with its weekday, how to submit and the contact, 以上", () => {
  const { subject, body } = requestLetter(base);
  const lines = body.split("\n");
  expect(lines[0]).toBe("令和9年4月12日");
  expect(lines[2]).toBe("包括連携協定締結先 各位");
  expect(lines[4]).toBe("清瀬市 企画部 未来創造課");
  expect(lines[6]).toBe("令和9年度における連携事項のご提案について（依頼）");
  expect(body).toContain("本市と貴社・貴団体との包括連携協定に基づき、令和9年度に連携して取り組む事項について");
  expect(body).toContain("添付の様式（別紙①）");
  expect(body).toContain("随時ご提案いただけます");
  expect(body).toContain("\n記\n");
  expect(body).toContain("１　提出書類　別紙① 連携事項の提案【企業等→市】（Excel）");
  expect(body).toContain("２　提出期限　令和9年5月20日（木）");
  expect(body).toContain("　　　担当：山田 花子\n　　　電話：042-492-5111\n　　　メール：mirai@city.example.jp");
  expect(lines[lines.length - 1]).toBe("以上");
  expect(subject).toBe("【依頼】令和9年度における連携事項のご提案について（清瀬市 企画部 未来創造課）");
});

test("a partner's letter is addressed to the partner and its contact, with 貴社 / 貴学 / 貴団体 by kind; Form 2 asks for 可否 and counts the proposals", () => {
  const company = requestLetter({ ...base, partner: { name: "株式会社ひまわり", kind: "company", contactName: "佐藤 一郎" } }).body;
  expect(company.split("\n").slice(2, 4)).toEqual(["株式会社ひまわり", "佐藤 一郎 様"]);
  expect(company).toContain("本市と貴社との包括連携協定");
  const univ = requestLetter({ ...base, partner: { name: "清瀬大学", kind: "university", contactName: "" } }).body;
  expect(univ.split("\n").slice(2, 4)).toEqual(["清瀬大学", "ご担当者 様"]);
  expect(univ).toContain("本市と貴学との");
  expect(honorific("association")).toBe("貴団体");
  expect(honorific("financialInstitution")).toBe("貴社");

  const f2 = requestLetter({ ...base, form: "form2", deadline: "2027-07-31", partner: { name: "清瀬信用金庫", kind: "financialInstitution", contactName: "" }, proposalCount: 3 });
  expect(f2.subject).toBe("【依頼】令和9年度における本市からの連携事項の提案へのご回答について（清瀬市 企画部 未来創造課）");
  expect(f2.body).toContain("本市の各課から貴社への連携事項の提案を、添付の様式（別紙②）のとおり取りまとめました。");
  expect(f2.body).toContain("「連携の可否」欄（可・否・要協議）");
  expect(f2.body).toContain("１　提出書類　別紙② 連携事項の提案【市→企業等】（Excel）（提案 3 件）");
  expect(f2.body).toContain("２　提出期限　令和9年7月31日（土）");
});

test("a contact line left empty is left out; the contact is read from the settings, the sender falling back to the coordinator's division", () => {
  const body = requestLetter({ ...base, contact: { ...contact, person: "", phone: "" } }).body;
  expect(body).not.toContain("担当：");
  expect(body).not.toContain("電話：");
  const c = contactFromSettings([{ key: "requestContactPhone", value: " 042-000-0000 " }, { key: "other", value: "x" }], "企画部 未来創造課");
  expect(c).toEqual({ sender: "企画部 未来創造課", person: "", phone: "042-000-0000", email: "" });
  expect(contactFromSettings([{ key: "requestSender", value: "清瀬市 未来創造課" }], "企画部 未来創造課").sender).toBe("清瀬市 未来創造課");
});

test("the contact must name a sender and a way to reach the coordinator, with a plain address", () => {
  expect(validateContact(contact)).toEqual([]);
  expect(validateContact({ sender: " ", person: "", phone: "", email: "" })).toEqual([{ field: "sender", code: "required" }, { field: "email", code: "required" }]);
  expect(validateContact({ ...contact, email: "a@b.jp?bcc=x@y.jp" })).toEqual([{ field: "email", code: "invalidEmail" }]);
  expect(validateContact({ ...contact, phone: "内線" })).toEqual([{ field: "phone", code: "invalidPhone" }]);
  expect(validateContact({ ...contact, phone: "０４２－４９２－５１１１", email: "" })).toEqual([]);
});

test("deadlines carry their weekday, 元年 included", () => {
  expect(eraDateWithWeekday("2019-05-01")).toBe("令和元年5月1日（水）");
  expect(eraDateWithWeekday("2027-03-31")).toBe("令和9年3月31日（水）");
});

test("file names: the form, the year in 令和 and the partner; characters Windows refuses replaced, length bounded, duplicates numbered", () => {
  expect(partnerFileStem("form1", 2027, "株式会社〇〇")).toBe("別紙1_令和9年度_株式会社〇〇");
  expect(partnerFileStem("form2", 2027, "Ａ／Ｂ：商事 <東京>")).toBe("別紙2_令和9年度_Ａ／Ｂ：商事 _東京_");
  expect(partnerFileStem("form1", 2027, "a/b\\c:d*e?f\"g|h")).toBe("別紙1_令和9年度_a_b_c_d_e_f_g_h");
  expect(safeFileName(" ..名前.\t")).toBe("名前");
  expect(safeFileName("CON")).toBe("_CON");
  expect(safeFileName("")).toBe("_");
  expect([...safeFileName("長".repeat(200))]).toHaveLength(80);
  // A decomposed ガ (カ + ゙) is stored composed, as Windows and SharePoint show it.
  expect(safeFileName("カ\u3099ス")).toBe("ガス");
  expect(uniqueStems(["a", "b", "A", "a"])).toEqual(["a", "b", "A (2)", "a (3)"]);
});

test("mailto: subject and body percent-encoded as UTF-8 with CRLF; a letter too long for a link falls back to the short note, never over the limit", () => {
  const small = mailtoLink("x@y.jp", { subject: "件名 A&B", body: "一行目\n二行目" }, "short");
  expect(small).toEqual({ href: "mailto:x@y.jp?subject=%E4%BB%B6%E5%90%8D%20A%26B&body=%E4%B8%80%E8%A1%8C%E7%9B%AE%0D%0A%E4%BA%8C%E8%A1%8C%E7%9B%AE", fits: true });
  const input: LetterInput = { ...base, partner: { name: "株式会社ひまわり", kind: "company", contactName: "佐藤 一郎" } };
  const letter = requestLetter(input);
  const long = mailtoLink("sato@himawari.example.jp", letter, shortMailBody(input))!;
  expect(long.fits).toBe(false);
  expect(long.href.length).toBeLessThanOrEqual(MAILTO_MAX);
  const url = new URL(long.href);
  expect(url.searchParams.get("subject")).toBe(letter.subject);
  expect(url.searchParams.get("body")).toBe("株式会社ひまわり\r\n佐藤 一郎 様\r\n\r\n清瀬市 企画部 未来創造課です。\r\n令和9年度の連携事項のご提案（別紙①）について、添付の依頼文と様式をご確認のうえ、令和9年5月20日（木）までにご提出をお願いいたします。");
  expect(mailtoLink("not an address", letter, "x")).toBeNull();
  expect(mailtoLink("a@b.jp?cc=evil@x.jp", letter, "x")).toBeNull();
});

describe("followUpMailto: the status panel's mail to a partner, subject and body filled (issue 33, point 4)", () => {
  test("subject names the call, the body the partner, its contact and the deadline", () => {
    const href = followUpMailto("hanako@example.co.jp", { partnerName: "株式会社アオバ通信", contactName: "青葉 花子", callTitle: "令和8年度 包括連携協定に基づく連携事項の提案について（依頼）", deadline: "2027-05-20" })!;
    expect(href.startsWith("mailto:hanako@example.co.jp?subject=")).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get("subject")).toBe("【ご確認】令和8年度 包括連携協定に基づく連携事項の提案について（依頼）");
    const body = url.searchParams.get("body")!;
    expect(body).toContain("株式会社アオバ通信\r\n青葉 花子 様");
    expect(body).toContain("令和9年5月20日（木）までに");
  });
  test("no address, no link", () => {
    expect(followUpMailto("not an address", { partnerName: "x", contactName: "", callTitle: "t", deadline: null })).toBeNull();
  });
});

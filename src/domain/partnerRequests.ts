import { formatEraDate, formatEraFiscalYear } from "./calendar";
import type { IsoDate, PartnerKind, Setting } from "./types";

/**
 * What the coordinator sends to partners when a Form 1 call (企業等による連携事項の提案, 別紙①)
 * opens, or when the departments' Form 2 proposals are passed on for an answer (別紙②, 連携の
 * 可否): the request letter (依頼文) in the wording a city uses for such letters, a mail draft
 * per partner, and the names of the files. The letter is a document written to partners, in
 * Japanese whatever the screen's language (as the forms themselves are), so its text lives
 * here and not in the UI strings.
 */

export type RequestForm = "form1" | "form2";

/** The coordinator's contact as printed under 問合せ先, kept in the settings list. */
export interface RequestContact {
  /** The sender as it signs: 「清瀬市 企画部 未来創造課」. */
  sender: string;
  person: string;
  phone: string;
  email: string;
}

export const CONTACT_SETTING_KEYS: Record<keyof RequestContact, string> = {
  sender: "requestSender",
  person: "requestContactPerson",
  phone: "requestContactPhone",
  email: "requestContactEmail",
};

/** The contact from the settings list; a key not yet saved falls back (the sender to the coordinator's division). */
export function contactFromSettings(settings: Pick<Setting, "key" | "value">[], fallbackSender: string): RequestContact {
  const get = (k: keyof RequestContact): string => settings.find((s) => s.key === CONTACT_SETTING_KEYS[k])?.value.trim() ?? "";
  return { sender: get("sender") || fallbackSender, person: get("person"), phone: get("phone"), email: get("email") };
}

export type ContactProblem = { field: keyof RequestContact; code: "required" | "invalidEmail" | "invalidPhone" };

export function validateContact(c: RequestContact): ContactProblem[] {
  const out: ContactProblem[] = [];
  if (!c.sender.trim()) out.push({ field: "sender", code: "required" });
  if (!c.phone.trim() && !c.email.trim()) out.push({ field: "email", code: "required" });
  if (c.email.trim() && !isMailAddress(c.email.trim())) out.push({ field: "email", code: "invalidEmail" });
  if (c.phone.trim() && !/^[0-9０-９+＋()（）\-－‐ \u3000]{6,}$/.test(c.phone.trim())) out.push({ field: "phone", code: "invalidPhone" });
  return out;
}

/** A plain addr-spec (local@domain.tld): nothing a header or a mailto could be tricked with. */
export function isMailAddress(s: string): boolean {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s);
}

/** How a letter addresses a body of each kind: 貴社 (company, bank), 貴学 (university, school), 貴団体 otherwise. */
export function honorific(kind: PartnerKind | null): string {
  if (kind === "company" || kind === "financialInstitution") return "貴社";
  if (kind === "university" || kind === "school") return "貴学";
  if (kind === null) return "貴社・貴団体";
  return "貴団体";
}

/** The ideographic space a Japanese letter indents and aligns with. */
const ZS = "\u3000";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

/** 「令和9年5月20日（木）」, as a deadline is written in a letter. */
export function eraDateWithWeekday(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${formatEraDate(date)}（${WEEKDAYS[d.getUTCDay()]}）`;
}

export interface LetterInput {
  form: RequestForm;
  fiscalYear: number;
  /** The partners' deadline. */
  deadline: IsoDate;
  /** The letter's date (発信日). */
  date: IsoDate;
  contact: RequestContact;
  /** One partner's letter; null: the letter as a template for all (宛名「各位」). */
  partner: { name: string; kind: PartnerKind; contactName: string } | null;
  /** Form 2: how many of the city's proposals the partner's workbook lists. */
  proposalCount?: number;
}

export interface Letter {
  subject: string;
  body: string;
}

const FORM_TITLE: Record<RequestForm, string> = {
  form1: "別紙① 連携事項の提案【企業等→市】",
  form2: "別紙② 連携事項の提案【市→企業等】",
};

/** The request letter (依頼文), in the order a city's 依頼文 follows: 宛名, 発信者, 件名, 本文, 記, 問合せ先. */
export function requestLetter(input: LetterInput): Letter {
  const { form, fiscalYear, deadline, contact, partner } = input;
  const year = formatEraFiscalYear(fiscalYear);
  const you = honorific(partner ? partner.kind : null);
  const title =
    form === "form1"
      ? `${year}における連携事項のご提案について（依頼）`
      : `${year}における本市からの連携事項の提案へのご回答について（依頼）`;
  const address = partner ? [partner.name, ...(partner.contactName.trim() ? [`${partner.contactName.trim()} 様`] : ["ご担当者 様"])] : ["包括連携協定締結先 各位"];
  const lead = "時下ますますご清栄のこととお喜び申し上げます。平素より本市の市政運営に格別のご理解とご協力を賜り、厚く御礼申し上げます。";
  const ask =
    form === "form1"
      ? [
          `さて、本市と${you}との包括連携協定に基づき、${year}に連携して取り組む事項について、ご提案をお願いいたします。`,
          "「地域課題の解決」「市民サービスの向上」「相互の発展」に資する取組について、添付の様式（別紙①）に、該当する連携事項、提案の件名、提案内容及び提案時期をご記入のうえ、下記の期限までにご提出くださいますようお願いいたします。",
          "なお、年度当初以外の時期においても、随時ご提案いただけます。",
        ]
      : [
          `さて、本市の各課から${you}への連携事項の提案を、添付の様式（別紙②）のとおり取りまとめました。`,
          "各提案について連携の可否をご検討いただき、「連携の可否」欄（可・否・要協議）、「コメント」欄及び「回答日」欄にご記入のうえ、下記の期限までにご回答くださいますようお願いいたします。",
        ];
  const count = form === "form2" && input.proposalCount !== undefined ? `（提案 ${input.proposalCount} 件）` : "";
  const contactLines = [
    `${ZS}${ZS}${ZS}${contact.sender}`,
    ...(contact.person.trim() ? [`${ZS}${ZS}${ZS}担当：${contact.person.trim()}`] : []),
    ...(contact.phone.trim() ? [`${ZS}${ZS}${ZS}電話：${contact.phone.trim()}`] : []),
    ...(contact.email.trim() ? [`${ZS}${ZS}${ZS}メール：${contact.email.trim()}`] : []),
  ];
  const body = [
    formatEraDate(input.date),
    "",
    ...address,
    "",
    contact.sender,
    "",
    title,
    "",
    `${ZS}${lead}`,
    ...ask.map((l) => `${ZS}${l}`),
    "",
    "記",
    "",
    `１${ZS}提出書類${ZS}${FORM_TITLE[form]}（Excel）${count}`,
    `２${ZS}提出期限${ZS}${eraDateWithWeekday(deadline)}`,
    `３${ZS}提出方法${ZS}ご記入いただいた様式を電子メールに添付し、下記の問合せ先あてにご提出ください。`,
    `４${ZS}問合せ先`,
    ...contactLines,
    "",
    "以上",
  ].join("\n");
  const subject = `【依頼】${title.replace(/（依頼）$/, "")}（${contact.sender}）`;
  return { subject, body };
}

/**
 * A file name that Windows, macOS, SharePoint and a zip all accept: NFC, no characters Windows
 * forbids (\ / : * ? " < > |) nor control characters, no leading or trailing dots and spaces,
 * and at most `max` characters so that a path in a user's Downloads folder stays under
 * Windows' 260. Japanese is kept as is.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file
 */
export function safeFileName(name: string, max = 80): string {
  let s = name
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, "_")
    .trim()
    .replace(/^[. ]+|[. ]+$/g, "");
  if ([...s].length > max) s = [...s].slice(0, max).join("").replace(/[. ]+$/, "");
  // Names Windows reserves for devices, whatever the extension.
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(s)) s = `_${s}`;
  return s || "_";
}

/** 「別紙1_令和9年度_株式会社〇〇」 (without extension): the form, the year in 令和, the partner. */
export function partnerFileStem(form: RequestForm, fiscalYear: number, partnerName: string): string {
  return safeFileName(`${form === "form1" ? "別紙1" : "別紙2"}_${formatEraFiscalYear(fiscalYear)}_${partnerName}`);
}

/** Names unique within one zip: a second 「…株式会社A」 becomes 「…株式会社A (2)」. */
export function uniqueStems(stems: string[]): string[] {
  const seen = new Map<string, number>();
  return stems.map((s) => {
    const key = s.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? s : `${s} (${n})`;
  });
}

/**
 * Browsers and mail programs give up on mailto links somewhat above 2,000 characters (Chrome
 * near 2,000, Internet Explorer's URL limit 2,083 per support.microsoft.com/kb/208427; the
 * mailto RFCs set none): https://newbedev.com/effective-maximum-mailto-body-lengths
 */
export const MAILTO_MAX = 2000;

/**
 * A mailto link with subject and body (RFC 6068: percent-encoded UTF-8, line breaks as %0D%0A).
 * When the whole letter does not fit in MAILTO_MAX, the body is `shortBody` (which says the
 * letter is in the zip); `fits` tells which one was used. Null without a usable address.
 */
export function mailtoLink(to: string, letter: Letter, shortBody: string): { href: string; fits: boolean } | null {
  const addr = to.trim();
  if (!isMailAddress(addr)) return null;
  const full = mailtoHref(addr, letter.subject, letter.body);
  if (full.length <= MAILTO_MAX) return { href: full, fits: true };
  return { href: fittedMailto(addr, letter.subject, shortBody), fits: false };
}

/** A mailto with subject and body (line breaks as CRLF, RFC 6068), or without a body when it would be over MAILTO_MAX. */
function fittedMailto(addr: string, subject: string, body: string): string {
  const href = mailtoHref(addr, subject, body);
  return href.length <= MAILTO_MAX ? href : mailtoHref(addr, subject);
}

function mailtoHref(addr: string, subject: string, body?: string): string {
  const enc = (s: string): string => encodeURIComponent(s.replace(/\r?\n/g, "\r\n"));
  return `mailto:${addr}?subject=${enc(subject)}${body === undefined ? "" : `&body=${enc(body)}`}`;
}

/** The body of a mailto that could not carry the letter: a short note pointing to the attached form and letter. */
export function shortMailBody(input: LetterInput): string {
  const name = input.partner ? `${input.partner.name}\n${input.partner.contactName.trim() ? `${input.partner.contactName.trim()} 様` : "ご担当者 様"}\n\n` : "";
  const what = input.form === "form1" ? "連携事項のご提案（別紙①）" : "本市からの連携事項の提案へのご回答（別紙②）";
  return `${name}${input.contact.sender}です。\n${formatEraFiscalYear(input.fiscalYear)}の${what}について、添付の依頼文と様式をご確認のうえ、${eraDateWithWeekday(input.deadline)}までにご提出をお願いいたします。`;
}

/**
 * A mailto for following up with a partner from a call's status panel (the partner has not
 * answered): subject and a short body filled, sent from the coordinator's own mailbox.
 */
export function followUpMailto(to: string, input: { partnerName: string; contactName: string; callTitle: string; deadline: IsoDate | null }): string | null {
  const addr = to.trim();
  if (!isMailAddress(addr)) return null;
  const by = input.deadline ? `${eraDateWithWeekday(input.deadline)}までに` : "";
  const body = `${input.partnerName}\n${input.contactName.trim() ? `${input.contactName.trim()} 様` : "ご担当者 様"}\n\nいつもお世話になっております。\n先にご依頼しました「${input.callTitle}」について、${by}ご提出くださいますようお願いいたします。\nすでにご提出いただいている場合は、行き違いをご容赦ください。`;
  return fittedMailto(addr, `【ご確認】${input.callTitle}`, body);
}

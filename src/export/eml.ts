/**
 * A mail draft as an .eml file (Internet Message Format, RFC 5322, with MIME): staff open it
 * from the zip and send it from their own mailbox, with the partner's workbook already
 * attached. Non-ASCII headers are RFC 2047 encoded words (UTF-8, base64), the body and the
 * attachment are base64, the attachment's name is given both as RFC 2231 `filename*` and as
 * an encoded word (what Outlook reads). `X-Unsent: 1` makes Outlook open the file as a draft
 * with a Send button instead of as a received message:
 * https://learn.microsoft.com/en-us/archive/blogs/stephen_griffin/did-i-send-that
 * No From and no Date: the mail program fills them with the sender's own account on sending.
 */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  return out;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const lines76 = (b64: string): string => (b64.match(/.{1,76}/g) ?? [""]).join("\r\n");
const isPlainAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/**
 * RFC 2047 encoded words for a header value: each at most 75 characters (45 bytes of UTF-8,
 * never a character cut in two), joined by folding white space so no header line runs long.
 */
export function encodeWords(text: string): string {
  if (isPlainAscii(text) && !/=\?/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    if (utf8(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join("\r\n ");
}

export interface EmlAttachment {
  name: string;
  mime: string;
  data: Uint8Array;
}

export interface EmlInput {
  to: { address: string; name: string } | null;
  subject: string;
  body: string;
  attachments: EmlAttachment[];
}

export function buildEml(input: EmlInput, boundarySeed = "pd"): string {
  const crlf = (s: string): string => s.replace(/\r?\n/g, "\r\n");
  const headers: string[] = ["X-Unsent: 1"];
  if (input.to && /^[^\s<>"@]+@[^\s<>"@]+$/.test(input.to.address)) {
    const name = input.to.name.replace(/["\\\r\n]/g, "").trim();
    headers.push(`To: ${name ? `${isPlainAscii(name) ? `"${name}"` : encodeWords(name)} ` : ""}<${input.to.address}>`);
  }
  headers.push(`Subject: ${encodeWords(input.subject.replace(/[\r\n]+/g, " "))}`, "MIME-Version: 1.0");
  const textPart = ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", lines76(base64(utf8(crlf(input.body))))].join("\r\n");
  if (input.attachments.length === 0) return [...headers, textPart, ""].join("\r\n");
  const boundary = `----=_Part_${boundarySeed}_${Math.abs(hash(input.subject + input.body)).toString(36)}`;
  const parts = [
    textPart,
    ...input.attachments.map((a) => {
      const encodedName = encodeWords(a.name).replace(/\r\n /g, " ");
      return [
        `Content-Type: ${a.mime}; name="${encodedName}"`,
        `Content-Disposition: attachment; filename="${encodedName}"; filename*=UTF-8''${encodeURIComponent(a.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
        "Content-Transfer-Encoding: base64",
        "",
        lines76(base64(a.data)),
      ].join("\r\n");
    }),
  ];
  return [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, "", "This is a multi-part message in MIME format.", ...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ""].join("\r\n");
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

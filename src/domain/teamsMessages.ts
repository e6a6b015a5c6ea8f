import { escapeHtml } from "./text";

export { escapeHtml };

export interface ReminderInput {
  callTitle: string;
  deadlineText: string;
  departmentName: string;
  portalUrl: string;
  /** The coordinator's message with the call (the first notice carries it). */
  message?: string;
}

/** A call's first notice (調査依頼) or its reminder (督促): readable HTML with the user text escaped. */
export function reminderHtml(m: ReminderInput, labels: { heading: string; deadline: string; body: string; open: string }): string {
  const url = /^https?:\/\//i.test(m.portalUrl) ? m.portalUrl : "";
  return [
    `<p><strong>${escapeHtml(labels.heading)}</strong></p>`,
    `<p>${escapeHtml(m.departmentName)}: ${escapeHtml(labels.body)}</p>`,
    `<p>${escapeHtml(m.callTitle)}<br>${escapeHtml(labels.deadline)}: ${escapeHtml(m.deadlineText)}</p>`,
    m.message ? `<p>${escapeHtml(m.message)}</p>` : "",
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(labels.open)}</a></p>` : "",
  ].join("");
}

export interface FeedbackRow {
  rowNo: number;
  title: string;
  content: string;
  partner: string;
  contact: string;
  /** The partner's answer (and comment) to the city's proposal the row came from, if any. */
  answer?: string;
}

export interface FeedbackMessageInput {
  editionTitle: string;
  issuedDateText: string;
  departmentName: string;
  rows: FeedbackRow[];
  portalUrl: string;
  message: string;
}

export interface FeedbackLabels {
  heading: string;
  intro: string;
  no: string;
  title: string;
  content: string;
  partner: string;
  contact: string;
  open: string;
  /** 「企業等の回答」: the partner's answer to the city's proposal the row came from. */
  answer: string;
}

const MAX_CONTENT_IN_MESSAGE = 200;
const clip = (s: string): string => (Array.from(s).length > MAX_CONTENT_IN_MESSAGE ? `${Array.from(s).slice(0, MAX_CONTENT_IN_MESSAGE).join("")}…` : s);
const safeUrl = (u: string): string => (/^https?:\/\//i.test(u) ? u : "");

/** The channel message for one department: readable HTML, every user text escaped, long content clipped. */
export function feedbackHtml(m: FeedbackMessageInput, l: FeedbackLabels): string {
  const rows = m.rows
    .map((r) => `<tr><td>${r.rowNo}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(clip(r.content))}${r.answer ? `<br>${escapeHtml(l.answer)}: ${escapeHtml(clip(r.answer))}` : ""}</td><td>${escapeHtml(r.partner)}<br>${escapeHtml(r.contact)}</td></tr>`)
    .join("");
  const url = safeUrl(m.portalUrl);
  return [
    `<p><strong>${escapeHtml(l.heading)}</strong> ${escapeHtml(m.editionTitle)}（${escapeHtml(m.issuedDateText)}）</p>`,
    `<p>${escapeHtml(m.departmentName)}: ${escapeHtml(l.intro)}</p>`,
    m.message ? `<p>${escapeHtml(m.message)}</p>` : "",
    `<table><tr><th>${escapeHtml(l.no)}</th><th>${escapeHtml(l.title)}</th><th>${escapeHtml(l.content)}</th><th>${escapeHtml(l.partner)}</th></tr>${rows}</table>`,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(l.open)}</a></p>` : "",
  ].join("");
}

/**
 * The same as an Adaptive Card (1.4). Card text is plain text (Adaptive Cards render no
 * HTML), so nothing needs escaping there, but markdown is neutralised so a title cannot
 * turn into a link.
 */
export function feedbackCard(m: FeedbackMessageInput, l: FeedbackLabels): Record<string, unknown> {
  const plain = (s: string): string => s.replace(/([\\*_[\]()#>`~|])/g, "\\$1");
  const url = safeUrl(m.portalUrl);
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body: [
      { type: "TextBlock", text: plain(`${l.heading} ${m.editionTitle}`), weight: "Bolder", size: "Medium", wrap: true },
      { type: "TextBlock", text: plain(`${m.departmentName}: ${l.intro}（${m.issuedDateText}）`), wrap: true, spacing: "Small" },
      ...m.rows.map((r) => ({
        type: "Container",
        separator: true,
        items: [
          { type: "TextBlock", text: plain(`${l.no}${r.rowNo}  ${r.title}`), weight: "Bolder", wrap: true },
          { type: "TextBlock", text: plain(clip(r.content)), wrap: true, spacing: "Small" },
          ...(r.answer ? [{ type: "TextBlock", text: plain(`${l.answer}: ${clip(r.answer)}`), wrap: true, spacing: "Small", color: "Good" }] : []),
          { type: "TextBlock", text: plain(`${l.partner}: ${r.partner}`), wrap: true, spacing: "Small", isSubtle: true },
          { type: "TextBlock", text: plain(`${l.contact}: ${r.contact}`), wrap: true, spacing: "None", isSubtle: true },
        ],
      })),
    ],
    actions: url ? [{ type: "Action.OpenUrl", title: l.open, url }] : [],
  };
}

export interface DecisionReminderInput {
  agreementTitle: string;
  partnerName: string;
  /** e.g. 「更新の判断（第2期の満了）」 */
  whatText: string;
  lines: Array<[string, string]>;
  url: string;
}

/** The reminder on a decision date (更新・見直しの判断), to the coordinators' channel. */
export function decisionReminderHtml(m: DecisionReminderInput, heading: string, open: string): string {
  const url = safeUrl(m.url);
  return [
    `<p><strong>${escapeHtml(heading)}</strong> ${escapeHtml(m.whatText)}</p>`,
    `<p>${escapeHtml(m.agreementTitle)}（${escapeHtml(m.partnerName)}）</p>`,
    `<p>${m.lines.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join("<br>")}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>` : "",
  ].join("");
}

/**
 * Splits rows into consecutive parts whose message stays within `budget` bytes, for a
 * message Teams would refuse whole (about 28 KB). `size(chunk, k, n)` measures the message
 * of part k of n as it will be sent. Greedy, in row order, so the parts read as one list
 * 「(1/3)」「(2/3)」…; a row too large even alone is a part of its own (the caller shortens it).
 * Deterministic: the same rows always split the same way, so each part keeps its own key.
 */
export function splitForBudget<T>(rows: T[], size: (chunk: T[], k: number, n: number) => number, budget: number): T[][] {
  if (rows.length === 0 || size(rows, 1, 1) <= budget) return [rows];
  // Sized with a generous part label (「99/99」) so the final numbering never tips a part over.
  const parts: T[][] = [];
  let current: T[] = [];
  for (const r of rows) {
    const next = [...current, r];
    if (current.length > 0 && size(next, 99, 99) > budget) {
      parts.push(current);
      current = [r];
    } else current = next;
  }
  if (current.length) parts.push(current);
  return parts;
}

/** Shortens a text to at most `max` characters, saying where the rest is. */
export function shorten(text: string, max: number, rest: string): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - rest.length - 1))}…${rest}`;
}

/**
 * A link that opens a channel in Teams (Teams platform docs, "Deep link to a channel":
 * https://teams.microsoft.com/l/channel/<channelId>/<channelName>?groupId=<teamId>), so a
 * coordinator can look whether a message whose outcome is unknown did arrive.
 */
export function teamsChannelLink(teamId: string, channelId: string, channelName: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/${encodeURIComponent(channelName || "channel")}?groupId=${encodeURIComponent(teamId)}`;
}

import { escapeHtml } from "./text";

export { escapeHtml };

export interface ReminderInput {
  callTitle: string;
  deadlineText: string;
  departmentName: string;
  portalUrl: string;
  /** The coordinator's message with the call (the first notice carries it). */
  message?: string;
  /** Further lines under the deadline, label and value (a survey's 説明会の日・場所). */
  lines?: Array<[string, string]>;
}

/** A call's first notice (調査依頼) or its reminder (督促): readable HTML with the user text escaped. */
export function reminderHtml(m: ReminderInput, labels: { heading: string; deadline: string; body: string; open: string }): string {
  const url = /^https?:\/\//i.test(m.portalUrl) ? m.portalUrl : "";
  return [
    `<p><strong>${escapeHtml(labels.heading)}</strong></p>`,
    `<p>${escapeHtml(m.departmentName)}: ${escapeHtml(labels.body)}</p>`,
    `<p>${escapeHtml(m.callTitle)}<br>${escapeHtml(labels.deadline)}: ${escapeHtml(m.deadlineText)}${(m.lines ?? []).map(([k, v]) => `<br>${escapeHtml(k)}: ${escapeHtml(v)}`).join("")}</p>`,
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
  /** 「提案 {0} 件（一覧は下のカード）」: the message text's count of the rows the card lists. */
  count: string;
}

const MAX_CONTENT_IN_MESSAGE = 200;
const clip = (s: string): string => (Array.from(s).length > MAX_CONTENT_IN_MESSAGE ? `${Array.from(s).slice(0, MAX_CONTENT_IN_MESSAGE).join("")}…` : s);
const safeUrl = (u: string): string => (/^https?:\/\//i.test(u) ? u : "");

/**
 * A Form 3 post carries its list ONCE, as the Adaptive Card (`feedbackCard`); this is the
 * message's own text beside it: who it is for, how many proposals, the coordinator's message
 * and the portal link — no table and no second copy of the rows (issue 33: each post showed
 * the list twice, and the HTML table's narrow 「NO」 column wrapped as N/O).
 *
 * Why the card and not an HTML table: a card's TextBlocks wrap to the width Teams gives them,
 * so each row reads as a short stack (No. and title, content, partner, contact) on a phone as
 * on the desktop; an HTML table keeps its columns and squeezes or scrolls them on a phone. The
 * card uses no `Table` element (1.5), which some Teams clients drew blank (MicrosoftDocs/msteams-docs
 * #7929, "Adaptive card not rendering in mobile"; microsoft/AdaptiveCards discussions "1.5 TableRow
 * does not show content in Teams"). A chatMessage with a card attachment shows the body text and the
 * card, the card placed where `<attachment id>` stands (Graph, "Working with Teams messaging APIs",
 * chatMessage › attachments › card attachment). This text is also what a client that cannot draw
 * the card, the activity feed and search show, so it must read on its own; the card's `fallbackText`
 * carries the rows as plain lines for a client that drops the card.
 */
export function feedbackHtml(m: FeedbackMessageInput, l: FeedbackLabels): string {
  const url = safeUrl(m.portalUrl);
  return [
    `<p><strong>${escapeHtml(l.heading)}</strong> ${escapeHtml(m.editionTitle)}（${escapeHtml(m.issuedDateText)}）</p>`,
    `<p>${escapeHtml(m.departmentName)}: ${escapeHtml(l.intro)}</p>`,
    `<p>${escapeHtml(l.count.replace("{0}", String(m.rows.length)))}</p>`,
    m.message ? `<p>${escapeHtml(m.message)}</p>` : "",
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(l.open)}</a></p>` : "",
  ].join("");
}

/** The rows as plain lines, for the card's fallbackText (a client that cannot draw the card). */
export function feedbackPlainText(m: FeedbackMessageInput, l: FeedbackLabels): string {
  return [
    `${l.heading} ${m.editionTitle}（${m.issuedDateText}）`,
    ...m.rows.map((r) => `${l.no}${r.rowNo} ${r.title} / ${l.partner}: ${r.partner} / ${l.contact}: ${r.contact}${r.answer ? ` / ${l.answer}: ${clip(r.answer)}` : ""}`),
  ].join("\n");
}

/**
 * The list as an Adaptive Card (1.4): one Container per row, every TextBlock wrapping. Card text is plain text (Adaptive Cards render no
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
    fallbackText: plain(feedbackPlainText(m, l)),
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

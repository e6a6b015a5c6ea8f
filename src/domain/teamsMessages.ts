/**
 * Text that goes into a Teams channel message. Everything staff or partners typed is
 * escaped: a title like 「<img onerror=…>」 arrives as text.
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export interface ReminderInput {
  callTitle: string;
  deadlineText: string;
  departmentName: string;
  portalUrl: string;
}

/** A reminder for a call (調査依頼の督促): readable HTML with the user text escaped. */
export function reminderHtml(m: ReminderInput, labels: { heading: string; deadline: string; body: string; open: string }): string {
  const url = /^https?:\/\//i.test(m.portalUrl) ? m.portalUrl : "";
  return [
    `<p><strong>${escapeHtml(labels.heading)}</strong></p>`,
    `<p>${escapeHtml(m.departmentName)}: ${escapeHtml(labels.body)}</p>`,
    `<p>${escapeHtml(m.callTitle)}<br>${escapeHtml(labels.deadline)}: ${escapeHtml(m.deadlineText)}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(labels.open)}</a></p>` : "",
  ].join("");
}

import type { Notification } from "./types";

/**
 * What came of posting one notice to departments' channels (an edition of 別紙③, its 再送),
 * per department: a department counts as notified only when every part of its message was
 * sent. The rest are named with why not, so the coordinator is never shown all-green when a
 * department was not reached: success (all), partial (some), failure (none).
 */

export type NotDeliveredReason = "failed" | "notMember" | "forbidden" | "noChannel" | "unknown";
export type DeliveryLevel = "success" | "partial" | "failure" | "none";

export interface DeliveryOutcome {
  level: DeliveryLevel;
  /** Departments concerned. */
  total: number;
  /** Departments whose every message was sent. */
  notified: number;
  notDelivered: Array<{ departmentId: number; department: string; reason: NotDeliveredReason }>;
  /** Whether 再送 can reach any of them now (a failure, or a message never attempted). */
  retriable: boolean;
}

type NoticeRecord = Pick<Notification, "department" | "status" | "error" | "attempts">;

function reasonOf(n: NoticeRecord): NotDeliveredReason {
  if (n.status === "notConfigured") return "noChannel";
  if (n.status === "pending") return "unknown";
  const problem = noticeProblem(n.error)?.problem;
  return problem === "notMember" || problem === "forbidden" ? problem : "failed";
}

// A department's worst part decides its reason: one that 再送 can fix is named first.
const rank: Record<NotDeliveredReason, number> = { failed: 0, forbidden: 1, notMember: 2, unknown: 3, noChannel: 4 };

export function deliveryOutcome(records: NoticeRecord[]): DeliveryOutcome {
  const byDept = new Map<number, { title: string; records: NoticeRecord[] }>();
  for (const n of records) {
    const id = n.department?.id ?? 0;
    const entry = byDept.get(id) ?? { title: n.department?.title ?? "", records: [] };
    entry.records.push(n);
    byDept.set(id, entry);
  }
  const notDelivered: DeliveryOutcome["notDelivered"] = [];
  let notified = 0;
  for (const [id, d] of byDept) {
    const open = d.records.filter((n) => n.status !== "sent");
    if (open.length === 0) notified++;
    else notDelivered.push({ departmentId: id, department: d.title, reason: open.map(reasonOf).sort((a, b) => rank[a] - rank[b])[0] });
  }
  notDelivered.sort((a, b) => a.department.localeCompare(b.department, "ja"));
  const total = byDept.size;
  const level: DeliveryLevel = total === 0 ? "none" : notified === total ? "success" : notified === 0 ? "failure" : "partial";
  const retriable = records.some((n) => n.status === "failed" || (n.status === "pending" && n.attempts === 0));
  return { level, total, notified, notDelivered, retriable };
}

/** What a notice's stored error says, as a code the screens put in words (the record keeps `<code>[ <status>]: <detail>`). */
export type NoticeProblem = "notMember" | "forbidden" | "notFound" | "throttled" | "network" | "outcomeUnknown" | "validation" | "other";

const PROBLEM_CODES: Record<string, NoticeProblem> = { notMember: "notMember", forbidden: "forbidden", notFound: "notFound", throttled: "throttled", network: "network", outcomeUnknown: "outcomeUnknown", validation: "validation" };

export function noticeProblem(error: string): { problem: NoticeProblem; status?: number; detail: string } | null {
  if (!error.trim()) return null;
  const m = /^([A-Za-z]+)(?: (\d{3}))?:\s*([\s\S]*)$/.exec(error.trim());
  if (!m) return { problem: "other", detail: error.trim() };
  const status = m[2] ? Number(m[2]) : undefined;
  return { problem: PROBLEM_CODES[m[1]] ?? "other", ...(status ? { status } : {}), detail: m[3] };
}

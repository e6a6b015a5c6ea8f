import type * as D from "../../domain/types";
import { ChannelMessage, DataError, IPartnershipData, isDataError, ITeamsNotifier } from "../contracts";
import { recordAudit } from "./audit";

/**
 * Teams channel notifications with a record of each one (Notifications list). One record
 * per dedupe key (channel × cause): a double click, a retry or a second coordinator never
 * posts twice for the same key once it has been sent. A failure is recorded with its
 * error and attempts, and can be retried.
 */

/** Whether a department can be posted to by the signed-in coordinator, and if not, why. */
export type Reachability = "ready" | "noChannel" | "notMember";

/** Messages are sent at most this many at a time, one department (its parts in order) per worker. */
export const SEND_CONCURRENCY = 4;

/** Recorded for a department whose team the coordinator has not joined (the post would be refused with 403). */
export const NOT_MEMBER = "notMember: 投稿する職員がこの部署のチームのメンバーではありません。チームの所有者にメンバーへの追加を依頼し、追加後に再送してください。";

export interface SendRequest {
  kind: D.NotificationKind;
  dedupeKey: string;
  title: string;
  department: Pick<D.Department, "id" | "title" | "teamId" | "channelId">;
  message: ChannelMessage;
}

export class NotificationService {
  constructor(
    private readonly data: IPartnershipData,
    private readonly notifier: ITeamsNotifier,
  ) {}

  private async byKey(key: string): Promise<D.Notification | undefined> {
    const [n] = await this.data.notifications.list({ where: [{ prop: "dedupeKey", op: "eq", value: key }], limit: 1 });
    return n;
  }

  /** For the channel picker: the teams the signed-in coordinator belongs to, by name. */
  async teams(): Promise<Array<{ id: string; displayName: string }>> {
    if (!this.notifier.joinedTeams) return [];
    return (await this.notifier.joinedTeams()).sort((a, b) => a.displayName.localeCompare(b.displayName, "ja"));
  }

  /** For the channel picker: a team's channels the coordinator can post in. */
  async channels(teamId: string): Promise<Array<{ id: string; displayName: string; membershipType: string }>> {
    return this.notifier.channels ? this.notifier.channels(teamId) : [];
  }

  /**
   * The names to show for a channel given by its ids (pasted rather than chosen): the team's from
   * the coordinator's joined teams, the channel's from that team's channels, with the same two
   * Graph reads the picker makes. Blank where Graph cannot tell (a team the coordinator is not in).
   */
  async channelNames(teamId: string, channelId: string): Promise<{ teamName: string; channelName: string }> {
    const team = (await this.teams()).find((t) => t.id.toLowerCase() === teamId.toLowerCase());
    if (!team) return { teamName: "", channelName: "" };
    const channel = (await this.channels(team.id)).find((c) => c.id === channelId);
    return { teamName: team.displayName, channelName: channel?.displayName ?? "" };
  }

  /**
   * Per department, before anything is posted: no channel set, the coordinator not a member of
   * the department's team (a delegated post could only fail with 403), or ready. One Graph
   * request (`/me/joinedTeams`). A notifier that cannot tell says "ready" for every channel set.
   */
  async reachability(departments: Array<Pick<D.Department, "id" | "teamId" | "channelId">>): Promise<Map<number, Reachability>> {
    const joined = this.notifier.joinedTeams ? new Set((await this.notifier.joinedTeams()).map((t) => t.id.toLowerCase())) : null;
    return new Map(departments.map((d) => [d.id, !d.teamId || !d.channelId ? "noChannel" : joined && !joined.has(d.teamId.toLowerCase()) ? "notMember" : "ready"]));
  }

  /**
   * Records the intent to send, before anything is posted: one 未送信 record (pending, no
   * attempt yet) per request that has none. If the sender is interrupted, every department
   * not reached still has its record, shown and sent by 再送. Keys are unique, so a second
   * coordinator's queue adds nothing.
   */
  async queue(reqs: SendRequest[]): Promise<void> {
    if (reqs.length === 0) return;
    const have = new Set((await this.data.notifications.list({ where: [{ prop: "kind", op: "eq", value: reqs[0].kind }] })).map((n) => n.dedupeKey));
    const fresh = reqs.filter((r) => !have.has(r.dedupeKey) && !!r.department.teamId && !!r.department.channelId);
    try {
      await this.data.notifications.addMany(fresh.map((r) => ({ ...recordOf(r), status: "pending" as const, attempts: 0, lastAttemptAt: null })));
    } catch (e) {
      // Another coordinator queued the same keys meanwhile: theirs stand.
      if (!isDataError(e) || (e.kind !== "duplicate" && e.kind !== "network")) throw e;
    }
  }

  /**
   * The one path every notice to departments takes (a feedback edition, a call's reminder, a
   * decision reminder): who can be reached is asked of Graph first (`/me/joinedTeams`); the
   * intent is recorded for everyone reachable before anything is posted; then each request is
   * sent once (`send`), a department not reachable is recorded with the reason and not posted.
   * One department per worker at a time, its parts in order: parts arrive numbered in sequence
   * and workers post to different teams at once (Graph allows each team 4 requests a second).
   */
  async deliver(requests: SendRequest[], opts: { resendUnknown?: boolean } = {}): Promise<D.Notification[]> {
    if (requests.length === 0) return [];
    const reach = await this.reachability(requests.map((r) => r.department));
    await this.queue(requests.filter((r) => reach.get(r.department.id) === "ready"));
    const byDept = new Map<number, SendRequest[]>();
    for (const r of requests) byDept.set(r.department.id, [...(byDept.get(r.department.id) ?? []), r]);
    const queue = [...byDept.values()];
    const outcomes: D.Notification[] = [];
    const worker = async (): Promise<void> => {
      for (let mine = queue.shift(); mine; mine = queue.shift()) {
        for (const req of mine) outcomes.push(await this.send(req, { resendUnknown: opts.resendUnknown, notReachable: reach.get(req.department.id) === "notMember" ? NOT_MEMBER : undefined }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, worker));
    return outcomes;
  }

  /**
   * The coordinator has looked in the channel and found the message whose outcome was unknown:
   * it is recorded as sent (never posted again), with an audit entry saying who confirmed it.
   * Only a record whose outcome is unknown can be confirmed; the ETag stops a sender that
   * meanwhile reported back.
   */
  async confirmPosted(record: D.Notification): Promise<D.Notification> {
    if (!outcomeUnknown(record)) throw new DataError("validation", "Only a message whose outcome is unknown can be confirmed as posted");
    const etag = await this.data.notifications.update(record.id, record.etag, { status: "sent", error: "" });
    await recordAudit(this.data, "Notifications", record.id, "notify", "チャネルで投稿を確認し、送信済みとした", { dedupeKey: record.dedupeKey, attempts: record.attempts });
    return { ...record, etag, status: "sent", error: "" };
  }

  /**
   * Sends unless already sent; resolves with the record as it ends (sent, failed, 結果不明 or
   * notConfigured). 失敗 only when Graph refused the post (4xx, 429 past the client's retries,
   * 500), so 再送 cannot post twice. 結果不明 when Graph may have posted it: a 503 or 504, no
   * answer, the "sent" record refused by SharePoint, or a record claimed by a sender that never
   * finished (closed tab). Such a post is not posted again unless the coordinator, having checked
   * the channel, says so (`resendUnknown`).
   */
  async send(req: SendRequest, opts: { resendUnknown?: boolean; notReachable?: string } = {}): Promise<D.Notification> {
    let record = await this.byKey(req.dedupeKey);
    if (opts.notReachable && record?.status !== "sent") {
      // Not posted at all (it could only be refused): recorded with its reason, sendable by 再送 once fixed.
      const fields = { status: "failed" as const, error: opts.notReachable.slice(0, 2000), lastAttemptAt: new Date().toISOString(), teamId: req.department.teamId, channelId: req.department.channelId };
      if (record) {
        await this.data.notifications.update(record.id, record.etag, fields);
        return { ...record, ...fields };
      }
      try {
        return await this.data.notifications.add({ ...recordOf(req), attempts: 0, ...fields });
      } catch (e) {
        if (isDataError(e) && e.kind === "duplicate") return (await this.byKey(req.dedupeKey)) ?? Promise.reject(e);
        throw e;
      }
    }
    if (record && record.status === "sent") return record;
    // Claimed by another sender: left alone while it may still be sending, and once its outcome is unknown unless the coordinator asks.
    if (record && record.status === "pending" && record.attempts > 0 && (!outcomeUnknown(record) || !opts.resendUnknown)) return record;
    const configured = !!req.department.teamId && !!req.department.channelId;
    const base = { ...recordOf(req), lastAttemptAt: new Date().toISOString() };
    if (!configured) {
      if (record) return record;
      return this.data.notifications.add({ ...base, status: "notConfigured", attempts: 0 });
    }
    // Claim the key first: the list's unique DedupeKey (or the ETag) stops a second sender.
    try {
      if (record) {
        // The claim clears the last outcome (a 結果不明 being re-sent is no longer unknown while this sender works).
        const etag = await this.data.notifications.update(record.id, record.etag, { status: "pending", attempts: record.attempts + 1, lastAttemptAt: base.lastAttemptAt, teamId: base.teamId, channelId: base.channelId, error: "" });
        record = { ...record, etag, status: "pending", attempts: record.attempts + 1, lastAttemptAt: base.lastAttemptAt, error: "" };
      } else {
        record = await this.data.notifications.add({ ...base, status: "pending", attempts: 1 });
      }
    } catch (e) {
      if (isDataError(e) && (e.kind === "duplicate" || e.kind === "conflict")) return (await this.byKey(req.dedupeKey)) ?? Promise.reject(e);
      throw e;
    }
    let messageId: string;
    try {
      ({ messageId } = await this.notifier.postChannelMessage(req.department.teamId, req.department.channelId, req.message));
    } catch (e) {
      const err = isDataError(e) ? e : new DataError("unknown", e instanceof Error ? e.message : String(e));
      const error = `${err.kind}${err.status ? ` ${err.status}` : ""}: ${err.message}`;
      // Graph may have stored it (503, 504, no answer): 結果不明, posted again only on the coordinator's word.
      if (err.detail.outcomeUnknown) return this.markUnknown(record, error);
      await this.data.notifications.update(record.id, record.etag, { status: "failed", error: error.slice(0, 2000) });
      return { ...record, status: "failed", error: error.slice(0, 2000) };
    }
    try {
      await this.data.notifications.update(record.id, record.etag, { status: "sent", graphMessageId: messageId, error: "" });
      return { ...record, status: "sent", graphMessageId: messageId, error: "" };
    } catch (e) {
      // Graph posted it but SharePoint did not take the "sent" record (it may even have): never 失敗, which 再送 would post again.
      const why = isDataError(e) ? `${e.kind}${e.status ? ` ${e.status}` : ""}: ${e.message}` : String(e);
      return this.markUnknown(record, `Graph posted it (message ${messageId}) but recording it as sent failed (${why})`, messageId);
    }
  }

  /**
   * Records a post whose outcome is unknown: still claimed (pending, attempts > 0), its error
   * saying so, so it is 結果不明 at once (not only once the claim is stale) and is posted again
   * only with `resendUnknown`. If SharePoint refuses this write too, the record stays claimed
   * and becomes 結果不明 when the claim is stale; the caller is told the same either way.
   */
  private async markUnknown(record: D.Notification, why: string, graphMessageId?: string): Promise<D.Notification> {
    const fields = { status: "pending" as const, error: `${OUTCOME_UNKNOWN}: ${why}`.slice(0, 2000), ...(graphMessageId ? { graphMessageId } : {}) };
    try {
      const etag = await this.data.notifications.update(record.id, record.etag, fields);
      return { ...record, ...fields, etag };
    } catch {
      return { ...record, ...fields };
    }
  }
}

/** The start of a record's error when Graph may or may not have posted it (503, 504, no answer, the "sent" record lost). */
export const OUTCOME_UNKNOWN = "outcomeUnknown";

/** A claim older than this was left by a sender that never finished (a closed tab): its outcome is unknown. */
const STALE_CLAIM_MS = 2 * 60 * 1000;

/**
 * Graph may or may not have posted it: the sender said so (503, 504, no answer from Graph, or
 * the "sent" record refused), or claimed it and never reported back (a closed tab).
 */
export function outcomeUnknown(n: Pick<D.Notification, "status" | "attempts" | "lastAttemptAt"> & { error?: string }, now = Date.now()): boolean {
  if (n.status !== "pending" || n.attempts === 0) return false;
  if ((n.error ?? "").startsWith(`${OUTCOME_UNKNOWN}:`)) return true;
  return !n.lastAttemptAt || now - Date.parse(n.lastAttemptAt) > STALE_CLAIM_MS;
}

/** Recorded but never attempted (the sender stopped before reaching it). */
export const notYetSent = (n: Pick<D.Notification, "status" | "attempts">): boolean => n.status === "pending" && n.attempts === 0;

/** A request's record, before its status and attempts: one shape for queued, sent and unreachable records. */
function recordOf(req: SendRequest): Omit<D.Draft<D.Notification>, "status" | "attempts" | "lastAttemptAt"> {
  return { title: req.title, kind: req.kind, department: { id: req.department.id, title: req.department.title }, dedupeKey: req.dedupeKey, teamId: req.department.teamId, channelId: req.department.channelId, graphMessageId: "", error: "" };
}

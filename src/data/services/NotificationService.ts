import type * as D from "../../domain/types";
import { ChannelMessage, DataError, IPartnershipData, isDataError, ITeamsNotifier } from "../contracts";

/**
 * Teams channel notifications with a record of each one (Notifications list). One record
 * per dedupe key (channel × cause): a double click, a retry or a second coordinator never
 * posts twice for the same key once it has been sent. A failure is recorded with its
 * error and attempts, and can be retried.
 */

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

  /** Sends unless already sent; resolves with the record as it ends (sent, failed or notConfigured). */
  async send(req: SendRequest): Promise<D.Notification> {
    let record = await this.byKey(req.dedupeKey);
    if (record && (record.status === "sent" || (record.status === "pending" && !stale(record)))) return record;
    const configured = !!req.department.teamId && !!req.department.channelId;
    const base = {
      title: req.title,
      kind: req.kind,
      department: { id: req.department.id, title: req.department.title },
      dedupeKey: req.dedupeKey,
      teamId: req.department.teamId,
      channelId: req.department.channelId,
      graphMessageId: "",
      error: "",
      lastAttemptAt: new Date().toISOString(),
    };
    if (!configured) {
      if (record) return record;
      return this.data.notifications.add({ ...base, status: "notConfigured", attempts: 0 });
    }
    // Claim the key first: the list's unique DedupeKey (or the ETag) stops a second sender.
    try {
      if (record) {
        const etag = await this.data.notifications.update(record.id, record.etag, { status: "pending", attempts: record.attempts + 1, lastAttemptAt: base.lastAttemptAt, teamId: base.teamId, channelId: base.channelId });
        record = { ...record, etag, status: "pending", attempts: record.attempts + 1 };
      } else {
        record = await this.data.notifications.add({ ...base, status: "pending", attempts: 1 });
      }
    } catch (e) {
      if (isDataError(e) && (e.kind === "duplicate" || e.kind === "conflict")) return (await this.byKey(req.dedupeKey)) ?? Promise.reject(e);
      throw e;
    }
    try {
      const { messageId } = await this.notifier.postChannelMessage(req.department.teamId, req.department.channelId, req.message);
      await this.data.notifications.update(record.id, record.etag, { status: "sent", graphMessageId: messageId, error: "" });
      return { ...record, status: "sent", graphMessageId: messageId, error: "" };
    } catch (e) {
      const err = isDataError(e) ? e : new DataError("unknown", e instanceof Error ? e.message : String(e));
      const error = `${err.kind}${err.status ? ` ${err.status}` : ""}: ${err.message}`.slice(0, 2000);
      await this.data.notifications.update(record.id, record.etag, { status: "failed", error });
      return { ...record, status: "failed", error };
    }
  }
}

/** A claim older than this was left by a sender that never finished (a closed tab): retry it. */
const STALE_CLAIM_MS = 2 * 60 * 1000;

function stale(n: D.Notification): boolean {
  return !n.lastAttemptAt || Date.now() - Date.parse(n.lastAttemptAt) > STALE_CLAIM_MS;
}

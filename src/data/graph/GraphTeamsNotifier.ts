import type { ChannelMessage, ITeamsNotifier } from "../contracts";
import { DataError } from "../contracts";
import { postOnce } from "./postOnce";

/**
 * The part of a Microsoft Graph client the notifier uses. SPFx's MSGraphClientV3 and
 * `@microsoft/microsoft-graph-client`'s Client both fit, so production and the local
 * backend share this code.
 */
export interface IGraphApi {
  api(path: string): { post(content: unknown): Promise<unknown>; get(): Promise<unknown> };
}

/** Graph's channel ids look like 19:xxxx@thread.tacv2 (or @thread.skype); team ids are GUIDs. */
export const TEAM_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CHANNEL_ID_PATTERN = /^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/;

interface GraphErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Graph allows "a maximum of 4 requests per second per app … on a given team or channel"
 * (microsoft-graph-docs-contrib, throttling-limits.md, Teams service limits). Posts to one
 * team (a department's message in parts) are spaced by this much, so an edition never runs
 * into 429; a 429 that still comes is retried by the Graph client after its Retry-After (a
 * throttled request was not carried out, so retrying it cannot post twice). Nothing else is
 * retried: the client's default would re-send the post after 503 and 504 too, which may come
 * after Teams stored it (`postOnce`).
 */
export const PER_TEAM_GAP_MS = 300;

/** Posts channel messages with delegated ChannelMessage.Send (requested in package-solution.json). */
export class GraphTeamsNotifier implements ITeamsNotifier {
  private readonly nextSlotAt = new Map<string, number>();

  constructor(
    private readonly graph: IGraphApi,
    private readonly newId: () => string = randomId,
  ) {}

  /**
   * Waits for this post's slot on its team, keeping within Graph's per-team rate. The slot is
   * taken before waiting, so parts sent at once (several workers) are spaced too.
   */
  private async paced(teamId: string): Promise<void> {
    const key = teamId.toLowerCase();
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotAt.get(key) ?? 0);
    this.nextSlotAt.set(key, slot + PER_TEAM_GAP_MS);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
  }

  /** Graph `/me/joinedTeams` (delegated Team.ReadBasic.All; it takes no OData query options, graph docs user-list-joinedteams): the teams the coordinator can post to. */
  async joinedTeams(): Promise<Array<{ id: string; displayName: string }>> {
    try {
      const r = (await this.graph.api("/me/joinedTeams").get()) as { value?: Array<{ id: string; displayName: string }> };
      return r.value ?? [];
    } catch (e) {
      throw graphError(e);
    }
  }

  /** Graph `/teams/{id}/channels` (delegated Channel.ReadBasic.All): for the channel picker. */
  async channels(teamId: string): Promise<Array<{ id: string; displayName: string; membershipType: string }>> {
    if (!TEAM_ID_PATTERN.test(teamId)) throw new DataError("validation", `Invalid team id '${teamId}'`);
    try {
      const r = (await this.graph.api(`/teams/${encodeURIComponent(teamId)}/channels`).get()) as { value?: Array<{ id: string; displayName: string; membershipType?: string }> };
      return (r.value ?? []).map((c) => ({ id: c.id, displayName: c.displayName, membershipType: c.membershipType ?? "standard" }));
    } catch (e) {
      throw graphError(e);
    }
  }

  async postChannelMessage(teamId: string, channelId: string, message: ChannelMessage): Promise<{ messageId: string }> {
    if (!TEAM_ID_PATTERN.test(teamId) || !CHANNEL_ID_PATTERN.test(channelId)) {
      throw new DataError("validation", `Invalid Teams ids: team '${teamId}', channel '${channelId}'`);
    }
    const body = chatMessageBody(message, this.newId());
    const path = `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`;
    await this.paced(teamId);
    let r: { id?: string } | undefined;
    try {
      r = (await postOnce(this.graph.api(path), body)) as { id?: string } | undefined;
    } catch (e) {
      throw postError(e);
    }
    // Graph answered success: it stored something, but the product cannot tell what.
    if (!r || typeof r.id !== "string") throw new DataError("unknown", "Graph answered without a message id", undefined, [], { outcomeUnknown: true });
    return { messageId: r.id };
  }
}

/**
 * A post's failure, with `detail.outcomeUnknown` when Graph may have stored the message: no
 * answer (a dropped connection, a closed tab), a gateway's 502/504 (it stopped waiting for
 * Teams) or a 503. Only a 4xx (Graph refused the request; 429 once the client's retries are
 * spent) or a 500 says nothing was posted.
 */
function postError(e: unknown): DataError {
  const err = graphError(e);
  if (err.detail.outcomeUnknown) return err;
  const status = err.status;
  const unknown = err.kind === "network" || status === 502 || status === 503 || status === 504;
  return unknown ? new DataError(err.kind, `${err.message} (Graph may have posted it)`, status, err.problems, { ...err.detail, outcomeUnknown: true }) : err;
}

/** What the Graph client threw, as a DataError the screens can word (one mapping for every Graph call). */
function graphError(e: unknown): DataError {
  if (e instanceof DataError) return e;
  const g = (e ?? {}) as GraphErrorLike;
  const status = g.statusCode;
  const text = `${g.code ?? ""} ${g.message ?? String(e)}`.trim();
  if (status === 403 || status === 401) return new DataError("forbidden", text, status);
  if (status === 404) return new DataError("notFound", text, status);
  if (status === 429 || status === 503) return new DataError("throttled", text, status);
  if (status === undefined || status === -1) return new DataError("network", text);
  return new DataError("unknown", text, status);
}

/** The chatMessage Graph is sent for a message: HTML, and the Adaptive Card as an attachment (its JSON as a string). */
export function chatMessageBody(message: ChannelMessage, attachmentId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { body: { contentType: "html", content: message.html } };
  if (message.subject) body.subject = message.subject;
  if (message.adaptiveCard) {
    body.body = { contentType: "html", content: `${message.html}<attachment id="${attachmentId}"></attachment>` };
    body.attachments = [{ id: attachmentId, contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: JSON.stringify(message.adaptiveCard) }];
  }
  return body;
}

/**
 * Teams refuses a channel post over about 28 KB (OfficeDocs, Teams limits; Graph answers 413).
 * A message is kept under this budget, measured as the JSON Graph receives (UTF-8), with room
 * left for what Graph and the transport add.
 */
export const MESSAGE_BUDGET_BYTES = 24 * 1024;

/** The bytes of the request Graph receives for this message. */
export function messageBytes(message: ChannelMessage): number {
  return new TextEncoder().encode(JSON.stringify(chatMessageBody(message, "0".repeat(36)))).length;
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (ch) => {
    const r = (Math.random() * 16) | 0;
    return (ch === "x" ? r : (r & 0x3) | 0x8).toString(16);
  });
}

import { randomUUID } from "crypto";
import type { Faults } from "./faults";
import type { GraphMessage, Store } from "./store";
import type { SiteUser } from "./users";
import { canUseChannel, findTeam, graphTeams } from "./directory";

/**
 * The Microsoft Graph subset the product uses: posting a message to a team's channel
 * (`POST /v1.0/teams/{team-id}/channels/{channel-id}/messages`) and reading them back, the
 * teams the signed-in user belongs to (`/me/joinedTeams`) and a team's channels. Teams and
 * their members come from the tenant's directory (directory.ts): with delegated permissions
 * the app can do only what the signed-in user could (microsoft-graph-docs-contrib,
 * permissions-overview.md), so a post by a non-member of the team is refused with 403.
 */

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The request was carried out, then the connection drops: the client gets no answer. */
  drop?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL = /^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/;
/** Graph refuses channel messages larger than about 28 KB. */
const MAX_MESSAGE_BYTES = 28 * 1024;

/**
 * "A maximum of 4 requests per second per app can be issued on a given team or channel"
 * (microsoft-graph-docs-contrib, concepts/throttling-limits.md, Microsoft Teams service
 * limits). Counted per team over a sliding second; a request over the limit is not carried
 * out and answers 429 with Retry-After, as Graph does.
 */
export class GraphThrottle {
  static readonly PER_TEAM_PER_SECOND = 4;
  private readonly recent = new Map<string, number[]>();
  /** Requests refused so far (for tests and the bench). */
  throttled = 0;

  /** Seconds to wait, or 0 when the request may go ahead (and is counted). */
  take(teamId: string, now = Date.now()): number {
    const key = teamId.toLowerCase();
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < 1000);
    if (times.length >= GraphThrottle.PER_TEAM_PER_SECOND) {
      this.recent.set(key, times);
      this.throttled++;
      return Math.max(1, Math.ceil((1000 - (now - times[0])) / 1000));
    }
    times.push(now);
    this.recent.set(key, times);
    return 0;
  }
}

const err = (status: number, code: string, message: string, headers: Record<string, string> = {}): GraphResponse => ({
  status,
  headers,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": randomUUID() } } },
});

export function handleGraph(
  method: string,
  path: string,
  body: string,
  user: SiteUser,
  store: Store,
  faults: Faults,
  throttle: GraphThrottle = new GraphThrottle(),
  /** When a posted message is stamped (createdDateTime): the real clock, or the workbench's day. */
  now: Date = new Date(),
): GraphResponse {
  const onTeam = /^\/v1\.0\/teams\/([^/]+)\//.exec(path);
  if (onTeam) {
    const wait = throttle.take(decodeURIComponent(onTeam[1]));
    if (wait > 0) return err(429, "TooManyRequests", "Too many requests on this team or channel. Please retry after the time in the Retry-After header.", { "retry-after": String(wait) });
  }
  if (/^\/v1\.0\/me\/joinedteams\/?$/i.test(path) && method === "GET") {
    const value = graphTeams.filter((t) => t.memberIds.includes(user.Id)).map((t) => ({ id: t.id, displayName: t.displayName, description: null, isArchived: false }));
    return { status: 200, headers: {}, body: { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams", "@odata.count": value.length, value } };
  }
  const ch = /^\/v1\.0\/teams\/([^/]+)\/channels\/?$/.exec(path);
  if (ch && method === "GET") {
    const team = findTeam(decodeURIComponent(ch[1]));
    if (!team) return err(404, "NotFound", "No team found with Group Id " + decodeURIComponent(ch[1]));
    if (!team.memberIds.includes(user.Id)) return err(403, "Forbidden", "Forbidden: the user is not a member of this team.");
    // Private channels are listed only to their members.
    const value = team.channels.filter((c) => canUseChannel(team, c, user.Id)).map((c) => ({ id: c.id, displayName: c.displayName, membershipType: c.membershipType }));
    return { status: 200, headers: {}, body: { "@odata.count": value.length, value } };
  }
  const m = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages\/?$/.exec(path);
  if (!m) return err(400, "BadRequest", `Resource not found for the segment '${path}'.`);
  const teamId = decodeURIComponent(m[1]);
  const channelId = decodeURIComponent(m[2]);
  if (!GUID.test(teamId) || !CHANNEL.test(channelId)) return err(404, "NotFound", "No team or channel found with the given id.");
  const team = findTeam(teamId);
  const channel = team?.channels.find((c) => c.id === channelId);
  if (!team || !channel) return err(404, "NotFound", "No team or channel found with the given id.");
  // Delegated ChannelMessage.Send: only in teams (and private channels) the signed-in user belongs to.
  if (!canUseChannel(team, channel, user.Id)) return err(403, "Forbidden", "Forbidden: the user is not a member of the team or channel the message is posted to.");

  if (method === "GET") {
    const value = store.graphMessages.filter((x) => x.teamId === teamId && x.channelId === channelId);
    return { status: 200, headers: {}, body: { "@odata.count": value.length, value } };
  }
  if (method !== "POST") return err(405, "MethodNotAllowed", "Method not allowed.");

  if (faults.take("graph403")) {
    return err(
      403,
      "Forbidden",
      "Missing role permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'. Roles on the request ''.",
    );
  }
  if (faults.take("graph429")) {
    return err(429, "TooManyRequests", "Too many requests.", { "retry-after": String(faults.state.retryAfterSeconds) });
  }
  if (faults.take("graph500")) return err(500, "InternalServerError", "An internal server error occurred.");
  if (faults.take("graph503")) return err(503, "ServiceUnavailable", "The service is temporarily unavailable.", { "retry-after": String(faults.state.retryAfterSeconds) });

  let parsed: { body?: { contentType?: string; content?: string }; attachments?: { id?: string }[]; subject?: string };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return err(400, "BadRequest", "Unable to read JSON request payload.");
  }
  const content = parsed.body?.content;
  const contentType = parsed.body?.contentType ?? "text";
  if (typeof content !== "string" || content.length === 0) return err(400, "BadRequest", "Message body content is required.");
  if (contentType !== "html" && contentType !== "text") return err(400, "BadRequest", `Invalid contentType '${contentType}'.`);
  if (Buffer.byteLength(body, "utf8") > MAX_MESSAGE_BYTES) return err(413, "RequestEntityTooLarge", "Message size exceeds the allowed limit.");
  for (const a of parsed.attachments ?? []) {
    if (!a.id || !content.includes(`<attachment id="${a.id}"></attachment>`)) {
      return err(400, "BadRequest", `Attachment '${a.id ?? ""}' is not referenced in the message body.`);
    }
  }
  const message: GraphMessage = {
    id: String(Date.now()) + String(store.graphMessages.length).padStart(4, "0"),
    teamId,
    channelId,
    createdDateTime: now.toISOString(),
    body: { contentType, content },
    attachments: parsed.attachments ?? [],
    from: { user: { id: String(user.Id), displayName: user.Title } },
    subject: parsed.subject ?? null,
  };
  store.addGraphMessage(message);
  // Teams stored it; the answer does not reach the client: a gateway stopped waiting (504), or the connection dropped.
  if (faults.take("graph504AfterStore")) return err(504, "GatewayTimeout", "The gateway timed out waiting for the service.");
  if (faults.take("graphDropAfterStore")) return { status: 0, headers: {}, body: null, drop: true };
  return {
    status: 201,
    headers: {},
    body: { "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#teams('${teamId}')/channels('${channelId}')/messages/$entity`, ...message, channelIdentity: { teamId, channelId } },
  };
}

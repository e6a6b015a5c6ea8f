import { randomUUID } from "crypto";
import type { Faults } from "./faults";
import type { GraphMessage, Store } from "./store";
import type { SiteUser } from "./users";

/**
 * The Microsoft Graph subset the product uses: posting a message to a team's channel
 * (`POST /v1.0/teams/{team-id}/channels/{channel-id}/messages`) and reading them back.
 */

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL = /^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/;
/** Graph refuses channel messages larger than about 28 KB. */
const MAX_MESSAGE_BYTES = 28 * 1024;

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
): GraphResponse {
  const m = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages\/?$/.exec(path);
  if (!m) return err(400, "BadRequest", `Resource not found for the segment '${path}'.`);
  const teamId = decodeURIComponent(m[1]);
  const channelId = decodeURIComponent(m[2]);
  if (!GUID.test(teamId) || !CHANNEL.test(channelId)) return err(404, "NotFound", "No team or channel found with the given id.");

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
    createdDateTime: new Date().toISOString(),
    body: { contentType, content },
    attachments: parsed.attachments ?? [],
    from: { user: { id: String(user.Id), displayName: user.Title } },
    subject: parsed.subject ?? null,
  };
  store.addGraphMessage(message);
  return {
    status: 201,
    headers: {},
    body: { "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#teams('${teamId}')/channels('${channelId}')/messages/$entity`, ...message, channelIdentity: { teamId, channelId } },
  };
}

import * as React from "react";
import * as AdaptiveCards from "adaptivecards";
import type { Department } from "../../src/domain/types";

/** An Adaptive Card attachment rendered as Teams would show it (the adaptivecards SDK builds DOM, no HTML). */
function Card({ json }: { json: string }): JSX.Element {
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = host.current;
    if (!el) return;
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: '"Segoe UI", "Noto Sans CJK JP", sans-serif' });
    try {
      card.parse(JSON.parse(json) as object);
      const rendered = card.render();
      el.replaceChildren(...(rendered ? [rendered] : []));
    } catch {
      el.textContent = "(card could not be rendered)";
    }
  }, [json]);
  return <div ref={host} data-testid="adaptive-card" style={{ border: "1px solid #e1dfdd", borderRadius: 4, padding: 4, marginTop: 4 }} />;
}

/** Teams' message text: the panel's size, no page margin (the frame's own defaults are a 16 px serif with 8 px margins). */
const BODY_CSS = 'body{margin:0;font:13px/1.5 "Segoe UI","Noto Sans CJK JP",sans-serif;color:#242424;overflow-wrap:anywhere}p{margin:0 0 6px}h1,h2,h3{font-size:14px;margin:0 0 6px}';

/**
 * A message body in a sandboxed frame, as tall as its text (up to 400 px, then it scrolls).
 * The sandbox allows no scripts, forms or navigation; only same-origin, so the panel can
 * read the frame's height (with scripts blocked, the body cannot use that origin).
 */
function Body({ id, html }: { id: string; html: string }): JSX.Element {
  const [height, setHeight] = React.useState(90);
  return (
    <iframe
      title={`message ${id}`}
      sandbox="allow-same-origin"
      srcDoc={`<!doctype html><meta charset="utf-8"><style>${BODY_CSS}</style>${html}`}
      onLoad={(e) => {
        const doc = e.currentTarget.contentDocument;
        if (doc) setHeight(Math.min(400, Math.max(24, doc.documentElement.scrollHeight)));
      }}
      style={{ width: "100%", height, border: "none", display: "block", marginTop: 4 }}
    />
  );
}

interface Message {
  id: string;
  teamId: string;
  channelId: string;
  createdDateTime: string;
  body: { contentType: string; content: string };
  attachments: Array<{ contentType?: string; content?: string }>;
}

/**
 * What the backend's Graph endpoint received, newest first, so notifications can be seen
 * without Teams. Times are the city's (a page with `?today=` has them stamped on that day).
 * Bodies render in a sandboxed frame: whatever HTML the product posted cannot run script
 * here either.
 */
export function TeamsPanel({ departments }: { departments: Department[] }): JSX.Element {
  const [messages, setMessages] = React.useState<Message[]>([]);
  React.useEffect(() => {
    let live = true;
    const poll = (): void => {
      fetch("/_dev/graph/messages")
        .then((r) => r.json() as Promise<{ value: Message[] }>)
        .then((r) => live && setMessages(r.value), () => undefined);
    };
    poll();
    const t = setInterval(poll, 3000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, []);
  const name = (m: Message): string => departments.find((d) => d.teamId === m.teamId && d.channelId === m.channelId)?.title ?? `${m.teamId.slice(0, 8)}…`;
  // Per channel: what arrived there (a department's parts, in the order they came).
  const [channel, setChannel] = React.useState("");
  const channelKey = (m: Message): string => `${m.teamId}|${m.channelId}`;
  const channels = [...new Map(messages.map((m) => [channelKey(m), m])).values()].map((m) => ({ key: channelKey(m), label: name(m), count: messages.filter((x) => channelKey(x) === channelKey(m)).length }));
  const shown = channel ? messages.filter((m) => channelKey(m) === channel) : messages;
  return (
    <section aria-label="Teams チャネルのメッセージ" style={{ background: "#fff", borderRadius: 4, padding: 12, marginBottom: 16 }}>
      <h2 style={{ fontSize: 15, margin: "0 0 8px", color: "#5b5fc7" }}>Teams チャネルのメッセージ（{messages.length}）</h2>
      {messages.length === 0 && <p style={{ color: "#616161" }}>まだ届いていません。</p>}
      {channels.length > 0 && (
        <label style={{ display: "block", fontSize: 12, marginBottom: 6 }}>
          チャネル{" "}
          <select value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="teams-channel-filter">
            <option value="">すべて（{messages.length}）</option>
            {channels.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}（{c.count}）
              </option>
            ))}
          </select>
        </label>
      )}
      <ol style={{ listStyle: "none", padding: 0, margin: 0, maxHeight: 480, overflowY: "auto" }} data-testid="teams-messages">
        {shown.map((m) => (
          <li key={m.id} style={{ borderTop: "1px solid #e1dfdd", padding: "6px 0" }}>
            <div style={{ fontSize: 12, color: "#424242" }}>
              {name(m)} · {new Date(m.createdDateTime).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })} {m.attachments.length > 0 ? "· カード付き" : ""}
            </div>
            <Body id={m.id} html={m.body.content} />
            {m.attachments
              .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive" && a.content)
              .map((a, i) => (
                <Card key={i} json={a.content!} />
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

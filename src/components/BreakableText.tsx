import * as React from "react";

/**
 * An e-mail address or a URL that may wrap only after 「@」「.」「/」 (never inside a word,
 * as 「co.j／p」 was): a <wbr> after each of those, and the text itself kept whole.
 */
export function BreakableText({ text }: { text: string | null | undefined }): JSX.Element | null {
  if (!text) return null;
  const parts = text.split(/(?<=[@./])/);
  return (
    <span style={{ wordBreak: "keep-all", overflowWrap: "normal" }}>
      {parts.map((p, i) => (
        <React.Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </React.Fragment>
      ))}
    </span>
  );
}

/** A partner and its contact on one line, 「 / 」 between them; the e-mail address breaks only after 「@」「.」. */
export function ContactText({ parts }: { parts: Array<string | null | undefined> }): JSX.Element {
  const shown = parts.filter((p): p is string => !!p);
  return (
    <>
      {shown.map((p, i) => (
        <React.Fragment key={i}>
          {i > 0 && " / "}
          {/[@/]/.test(p) ? <BreakableText text={p} /> : p}
        </React.Fragment>
      ))}
    </>
  );
}

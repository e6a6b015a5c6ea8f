import * as React from "react";
import * as common from "CommonStrings";
import { formatEraDate, formatJapaneseTime } from "../domain/calendar";

/**
 * A date as staff read it (令和8年11月24日) with the ISO date beside it for sorting and search;
 * on an English screen the ISO date alone (issue 33 item 9: English complete).
 */
export function DateText({ date }: { date: string | null }): JSX.Element | null {
  if (!date) return null;
  if (common.DateStyle === "iso") return <span style={{ whiteSpace: "nowrap" }}>{date}</span>;
  return (
    <span title={date}>
      <span style={{ whiteSpace: "nowrap" }}>{formatEraDate(date)}</span>{" "}
      <span style={{ color: "#616161", whiteSpace: "nowrap" }}>({date})</span>
    </span>
  );
}

/** A day with its start time (a briefing's): 「令和8年12月3日 (2026-12-03) 午後2時から」; on an English screen "2026-12-03 14:00". */
export function DateTimeText({ date, time }: { date: string | null; time?: string }): JSX.Element | null {
  if (!date) return null;
  const suffix = !time ? "" : common.DateStyle === "iso" ? ` ${time}` : ` ${formatJapaneseTime(time)}から`;
  return (
    <>
      <DateText date={date} />
      {suffix}
    </>
  );
}

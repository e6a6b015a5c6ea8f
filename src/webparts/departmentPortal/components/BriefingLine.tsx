import * as React from "react";
import * as strings from "DepartmentPortalWebPartStrings";
import { DateTimeText } from "../../../components/DateText";

/** 「説明会: 令和8年12月3日 午後2時から ・ 本庁舎3階 第1会議室」: a survey's briefing as the to-do and the answer form give it. */
export function BriefingLine({ date, time, place }: { date: string | null; time?: string; place: string }): JSX.Element {
  return (
    <>
      {strings.Todo.briefing}
      {date && (
        <>
          {" "}
          <DateTimeText date={date} time={time} />
        </>
      )}
      {place && (
        <>
          {date ? " ・ " : " "}
          {place}
        </>
      )}
    </>
  );
}

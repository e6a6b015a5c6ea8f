import * as React from "react";
import { DetailsList, IColumn, Link, SelectionMode, Text } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { fmt } from "../../../components/format";
import { DateText } from "../../../components/DateText";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import type { Agreement } from "../../../domain/types";
import { reviewCalendar, ReviewCalendarEntry } from "../../../domain/review";

/** Reviews due within 90 days and overdue ones, most urgent first. */
export function ReviewCalendar({ agreements, today, onOpen }: { agreements: Agreement[]; today: string; onOpen: (a: Agreement) => void }): JSX.Element {
  const entries = reviewCalendar(agreements, today);
  const columns: IColumn[] = [
    {
      key: "state",
      name: strings.Calendar.state,
      minWidth: 110,
      onRender: (e: ReviewCalendarEntry) => (
        <span style={{ color: e.state === "overdue" ? "#a4262c" : "#0f6cbd", fontWeight: 600 }}>
          {e.state === "overdue" ? fmt(strings.Calendar.overdue, -e.daysLeft) : e.daysLeft === 0 ? strings.Calendar.dueToday : fmt(strings.Calendar.dueIn, e.daysLeft)}
        </span>
      ),
    },
    { key: "due", name: strings.Calendar.due, minWidth: 160, onRender: (e: ReviewCalendarEntry) => <DateText date={e.dueDate} /> },
    { key: "title", name: strings.Columns.title, minWidth: 260, isMultiline: true, onRender: (e: ReviewCalendarEntry) => <Link onClick={() => onOpen(e.agreement)}>{e.agreement.title}</Link> },
    { key: "partner", name: strings.Columns.partner, minWidth: 150, onRender: (e: ReviewCalendarEntry) => e.agreement.partner?.title },
  ];
  return (
    <>
      <Text as="h3" className={frameStyles.sectionTitle}>
        {strings.Calendar.heading}
      </Text>
      <DetailsList items={entries} columns={columns} selectionMode={SelectionMode.none} getKey={(e: ReviewCalendarEntry) => String(e.agreement.id)} ariaLabelForGrid={strings.Calendar.heading} />
      {entries.length === 0 && <p>{strings.Calendar.none}</p>}
    </>
  );
}

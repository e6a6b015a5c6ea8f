import * as strings from "AgreementsWebPartStrings";
import { formatEraDate } from "../../../domain/calendar";
import { reminderHtml } from "../../../domain/teamsMessages";
import type { Agreement } from "../../../domain/types";

/** The Teams message asking a department to answer an internal survey (庁内調査), or reminding it. */
export function surveyNotice(a: Agreement, portalUrl: string): (dept: { title: string }, reminder: boolean) => string {
  return (dept, reminder) =>
    reminderHtml(
      { callTitle: a.title, deadlineText: a.surveyDeadline ? formatEraDate(a.surveyDeadline) : "", departmentName: dept.title, portalUrl, message: reminder ? "" : a.proposedContent },
      { heading: reminder ? strings.SurveyNotice.reminderHeading : strings.SurveyNotice.heading, deadline: strings.Detail.surveyDeadline, body: reminder ? strings.SurveyNotice.reminderBody : strings.SurveyNotice.body, open: strings.SurveyNotice.open },
    );
}

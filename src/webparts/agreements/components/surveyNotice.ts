import * as strings from "AgreementsWebPartStrings";
import { formatEraDate } from "../../../domain/calendar";
import { reminderHtml } from "../../../domain/teamsMessages";
import { briefingWhen } from "../../../components/format";
import type { Agreement } from "../../../domain/types";

/**
 * The Teams message asking a department to answer an internal survey (庁内調査), or reminding it:
 * the answer deadline, the briefing's (説明会) day and place as the coordinator entered them when
 * launching the survey, and the link to the department portal's page (the site's setting; no link
 * when it is not set).
 */
export function surveyNotice(a: Agreement, portalUrl: string): (dept: { title: string }, reminder: boolean) => string {
  const lines: Array<[string, string]> = [
    ...(a.briefingDate ? [[strings.Detail.briefingDate, briefingWhen(a.briefingDate, a.briefingTime)] as [string, string]] : []),
    ...(a.briefingPlace.trim() ? [[strings.Detail.briefingPlace, a.briefingPlace.trim()] as [string, string]] : []),
  ];
  return (dept, reminder) =>
    reminderHtml(
      { callTitle: a.title, deadlineText: a.surveyDeadline ? formatEraDate(a.surveyDeadline) : "", departmentName: dept.title, portalUrl, message: reminder ? "" : a.proposedContent, lines },
      { heading: reminder ? strings.SurveyNotice.reminderHeading : strings.SurveyNotice.heading, deadline: strings.Detail.surveyDeadline, body: reminder ? strings.SurveyNotice.reminderBody : strings.SurveyNotice.body, open: strings.SurveyNotice.open },
    );
}

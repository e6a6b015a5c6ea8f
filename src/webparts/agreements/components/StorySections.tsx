import * as React from "react";
import { CommandBar, Link, Text } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { fmt } from "../../../components/format";
import { DateText, DateTimeText } from "../../../components/DateText";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import type { AgreementStory } from "../../../data/services/AgreementService";
import type { Department } from "../../../domain/types";
import { summarizeSurvey } from "../../../domain/survey";
import { formatEraDate, tokyoDate } from "../../../domain/calendar";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { useAction } from "../../../components/hooks/useAction";
import { moreActions } from "../../../components/moreActions";
import { exportFormTable, ExportKind } from "../../../components/formExport";
import { surveyFileName, surveyTable } from "../../../export/surveyExport";

const cell: React.CSSProperties = { borderBottom: "1px solid #e1dfdd", padding: "4px 8px", textAlign: "left", verticalAlign: "top" };

export function Section({ title, children }: { title: string; children: React.ReactNode }): JSX.Element {
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Text as="h3" className={frameStyles.sectionTitle}>
        {title}
      </Text>
      {children}
    </section>
  );
}

/** Who answered the internal survey, who has not, and what each item drew. */
export function SurveySection({ story, departments, today }: { story: AgreementStory; departments: Department[]; today: string }): JSX.Element {
  const a = story.agreement;
  if (story.survey.length === 0) return <p>{strings.Detail.surveyNotStarted}</p>;
  const s = summarizeSurvey(story.survey, story.items, departments, a.surveyDeadline, today);
  const stateText = { answered: strings.Detail.answered, notYet: strings.Detail.notYet, late: strings.Detail.late };
  return (
    <>
      <SurveyExport story={story} departments={departments} today={today} />
      <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "2px 12px", margin: "0 0 8px" }}>
        <dt>{strings.Detail.briefingDate}</dt>
        <dd style={{ margin: 0 }}><DateTimeText date={a.briefingDate} time={a.briefingTime} /></dd>
        <dt>{strings.Detail.briefingPlace}</dt>
        <dd style={{ margin: 0 }}>{a.briefingPlace}</dd>
        <dt>{strings.Detail.briefingDepartments}</dt>
        <dd style={{ margin: 0 }}>{a.briefingDepartments.map((d) => d.title).join("、")}</dd>
        <dt>{strings.Detail.surveyDeadline}</dt>
        <dd style={{ margin: 0 }}><DateText date={a.surveyDeadline} /></dd>
      </dl>
      {story.surveyClosedAt && <p>{fmt(strings.Detail.surveyFixed, common.DateStyle === "iso" ? tokyoDate(story.surveyClosedAt) : formatEraDate(tokyoDate(story.surveyClosedAt)))}</p>}
      <table style={{ borderCollapse: "collapse", width: "100%", marginBottom: 8 }}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>
          {strings.Detail.answered} {s.answeredCount} / {s.total}
        </caption>
        <tbody>
          {s.departments.map((d) => (
            <tr key={d.departmentId}>
              <th scope="row" style={{ ...cell, fontWeight: 400 }}>{d.department}</th>
              <td style={{ ...cell, color: d.state === "late" ? "#a4262c" : d.state === "answered" ? "#107c10" : "#605e5c", fontWeight: 600 }}>{stateText[d.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{strings.Detail.itemSummary}</caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>{strings.Detail.items}</th>
            <th scope="col" style={cell}>{strings.Detail.answered}</th>
            <th scope="col" style={cell}>{strings.Detail.ideas}</th>
          </tr>
        </thead>
        <tbody>
          {s.items.map((i) => (
            <tr key={i.item.id}>
              <td style={cell}>{fmt(strings.Detail.itemNo, i.item.itemNo)} {i.item.text}</td>
              <td style={cell}>{fmt(strings.Detail.feasibleOf, i.feasible, i.answered)}</td>
              <td style={cell}>
                {i.ideas.map((x, k) => (
                  <div key={k}>
                    <strong>{x.department}</strong>: {x.text}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The survey's answers per item and department (未回答 included) as Excel, CSV or a printable page, for the decision's 決裁. */
function SurveyExport({ story, departments, today }: { story: AgreementStory; departments: Department[]; today: string }): JSX.Element {
  const action = useAction();
  const input = { agreement: story.agreement, items: story.items, responses: story.survey, departments, today };
  const exportAs = (kind: ExportKind): void => void action.run(() => exportFormTable(kind, surveyTable(input), surveyFileName(input)));
  return (
    <>
      <ErrorBar error={action.error} />
      <CommandBar
        overflowButtonProps={moreActions}
        ariaLabel={strings.Detail.surveyExport}
        items={[
          { key: "excel", text: strings.Export.excel, iconProps: { iconName: "ExcelDocument" }, disabled: action.busy, onClick: () => exportAs("excel") },
          { key: "csv", text: strings.Export.csv, iconProps: { iconName: "Download" }, disabled: action.busy, onClick: () => exportAs("csv") },
          { key: "print", text: strings.Export.print, iconProps: { iconName: "Print" }, onClick: () => exportAs("print") },
        ]}
      />
    </>
  );
}

export function ReviewsSection({ story }: { story: AgreementStory }): JSX.Element {
  return (
    <>
      {story.reviews.length === 0 ? (
        <p>{strings.Detail.noReviews}</p>
      ) : (
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {story.reviews.map((r) => (
            <li key={r.id} style={{ marginBottom: 6 }}>
              <DateText date={r.reviewDate} /> — {strings.Review.outcomes[r.outcome]}
              {r.objectionBy !== "none" && `（${strings.Review.objectionByOptions[r.objectionBy]}: ${r.objectionDetail}）`}
              {r.lookBack && <div style={{ whiteSpace: "pre-wrap", color: "#424242" }}>{r.lookBack}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The audit trail of the agreement, newest first. */
export function Timeline({ story }: { story: AgreementStory }): JSX.Element {
  return (
    <ol style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={strings.Detail.timeline}>
      {story.timeline.map((e) => (
        <li key={e.id} style={{ borderLeft: "3px solid #0f6cbd", padding: "2px 10px", marginBottom: 6 }}>
          <div style={{ fontSize: 12, color: "#424242" }}>
            {e.occurredAt ? new Date(e.occurredAt).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" }) : ""} · {e.actor?.title ?? ""}
          </div>
          <div>{e.title}</div>
        </li>
      ))}
    </ol>
  );
}

export function Attachments({ story }: { story: AgreementStory }): JSX.Element {
  if (story.attachments.length === 0) return <p>{strings.Detail.noAttachments}</p>;
  return (
    <ul style={{ paddingLeft: 18, margin: 0 }}>
      {story.attachments.map((f) => (
        <li key={f.fileName}>
          <Link href={encodeURI(f.url)} target="_blank" rel="noopener noreferrer">
            {f.fileName}
          </Link>
        </li>
      ))}
    </ul>
  );
}

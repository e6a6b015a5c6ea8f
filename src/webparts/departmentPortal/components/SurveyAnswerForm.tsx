import * as React from "react";
import { Checkbox, PrimaryButton, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { changedFields, ConflictNotice, isConflict } from "../../../components/Conflict/ConflictNotice";
import { DateText } from "../../../components/DateText";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Agreement, SurveyResponse } from "../../../domain/types";
import { fmt } from "../../../components/format";
import { formatEraDate, tokyoDate } from "../../../domain/calendar";

interface Answer {
  feasible: boolean;
  projectIdeas: string;
  comment: string;
}

/** A department answers the internal survey (庁内調査) for one agreement: a row per partnership item. */
export function SurveyAnswerForm({ agreement, rows, service, onAnswered, anchorId }: { agreement: Agreement | undefined; rows: SurveyResponse[]; service: AgreementService; onAnswered: () => void; anchorId?: string }): JSX.Element {
  const [answers, setAnswers] = React.useState<Map<number, Answer>>(new Map(rows.map((r) => [r.id, { feasible: r.feasible, projectIdeas: r.projectIdeas, comment: r.comment }])));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  // The rows as SharePoint has them now: after a conflict they are read again (fresh ETags); the typed answers stay.
  const [base, setBase] = React.useState<SurveyResponse[]>(rows);
  const [changed, setChanged] = React.useState<string[] | null>(null);
  const reloadKeep = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const fresh = await service.surveyRowsNow(base);
      setChanged(
        changedFields(
          base.flatMap((r) => {
            const f = fresh.find((x) => x.id === r.id);
            const item = r.partnershipItem?.title ?? "";
            return [
              { label: `${item} ${strings.SurveyForm.feasible}`, before: r.feasible, after: f?.feasible },
              { label: `${item} ${strings.SurveyForm.ideas}`, before: r.projectIdeas, after: f?.projectIdeas },
              { label: `${item} ${strings.SurveyForm.comment}`, before: r.comment, after: f?.comment },
            ];
          }),
        ),
      );
      setBase(fresh);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const set = (id: number, patch: Partial<Answer>): void => setAnswers((m) => new Map(m).set(id, { ...m.get(id)!, ...patch }));
  const submit = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await service.answerSurvey(base, answers);
      onAnswered();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const title = rows[0]?.agreement?.title ?? "";
  // Answered: what was sent, read-only (the clerk can check it; the coordinator has it).
  if (rows.length > 0 && rows.every((r) => r.status === "answered")) {
    const at = rows.map((r) => r.answeredAt ?? "").sort().reverse()[0];
    return (
      <section id={anchorId} aria-label={title} style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: 12, marginBottom: 12, background: "#faf9f8" }}>
        <Text as="h4" variant="mediumPlus" style={{ display: "block", fontWeight: 600 }}>
          {title}
        </Text>
        <Text as="p" style={{ color: "#107c10", fontWeight: 600 }}>
          {fmt(strings.SurveyForm.answered, at ? formatEraDate(tokyoDate(at)) : "")}
        </Text>
        <dl style={{ margin: 0 }}>
          {rows.map((r) => (
            <React.Fragment key={r.id}>
              <dt style={{ fontWeight: 600, marginTop: 6 }}>{r.partnershipItem?.title}</dt>
              <dd style={{ margin: "2px 0 0 16px", whiteSpace: "pre-wrap" }}>{[r.feasible ? strings.SurveyForm.yes : strings.SurveyForm.no, r.projectIdeas, r.comment].filter(Boolean).join(" ／ ")}</dd>
            </React.Fragment>
          ))}
        </dl>
      </section>
    );
  }
  return (
    <section id={anchorId} aria-label={title} style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: 12, marginBottom: 12 }}>
      <Text as="h4" variant="mediumPlus" style={{ display: "block", fontWeight: 600 }}>
        {title}
      </Text>
      {/* Paragraphs on lines of their own (Fluent's Text is inline unless block). */}
      <Text as="p" block>{strings.SurveyForm.intro}</Text>
      {agreement && (
        <>
          <Text as="p" block>
            {strings.SurveyForm.deadline}: <DateText date={agreement.surveyDeadline} />
          </Text>
          {agreement.proposedContent && (
            <Text as="p" block style={{ whiteSpace: "pre-wrap" }}>
              {strings.SurveyForm.proposed}: {agreement.proposedContent}
            </Text>
          )}
        </>
      )}
      <ErrorBar error={error} reloadLabel={isConflict(error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(error) ? () => void reloadKeep() : undefined} />
      <ConflictNotice changed={changed} />
      <Stack tokens={{ childrenGap: 10 }}>
        {rows.map((r) => {
          const a = answers.get(r.id)!;
          return (
            <fieldset key={r.id} style={{ border: "none", borderTop: "1px solid #e1dfdd", padding: "8px 0 0", margin: 0 }}>
              <legend style={{ fontWeight: 600 }}>{r.partnershipItem?.title}</legend>
              <Checkbox label={strings.SurveyForm.feasible} checked={a.feasible} onChange={(_, c) => set(r.id, { feasible: !!c })} />
              <TextField label={strings.SurveyForm.ideas} multiline rows={2} value={a.projectIdeas} onChange={(_, v) => set(r.id, { projectIdeas: v ?? "" })} />
              <TextField label={strings.SurveyForm.comment} value={a.comment} onChange={(_, v) => set(r.id, { comment: v ?? "" })} />
            </fieldset>
          );
        })}
      </Stack>
      <PrimaryButton text={strings.SurveyForm.submit} onClick={() => void submit()} disabled={busy} style={{ marginTop: 8 }} />
    </section>
  );
}

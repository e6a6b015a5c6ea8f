import * as React from "react";
import * as strings from "DepartmentPortalWebPartStrings";
import { Button, Notice } from "../../../components/light";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { FocusedResult } from "../../../components/FocusedResult";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import type { CycleService } from "../../../data/services/CycleService";
import { formatEraDate, formatEraFiscalYear, tokyoDate } from "../../../domain/calendar";
import type { TodoItem } from "../../../domain/departmentTodo";
import type { CityProposalRow, Department } from "../../../domain/types";

const REFUSALS = ["draftsExist", "alreadySubmitted"] as const;

/**
 * 提案なし for Form 2 (issue 33, point 7), above the department's proposals: for each Form 2 call
 * the department still owes, a button to hand it in with nothing to propose (after a confirmation);
 * for one handed in so, when. The result is said where focus goes after the submit.
 */
export function NoProposalBar({ service, department, calls, markers, canAct, onChanged }: { service: CycleService; department: Department; calls: TodoItem[]; markers: CityProposalRow[]; canAct: boolean; onChanged: () => void }): JSX.Element | null {
  const action = useAction();
  const [confirming, setConfirming] = React.useState<TodoItem | null>(null);
  // After a submit, the answer is where focus goes (not back to <body>).
  const [justDone, setJustDone] = React.useState<number | null>(null);
  const N = strings.Form2.noProposal;
  const refusal = action.problems.map((p) => p.code).find((c): c is (typeof REFUSALS)[number] => (REFUSALS as readonly string[]).includes(c));
  const form2 = calls.filter((t) => t.kind === "form2" && t.fiscalYear !== undefined);
  if (form2.length === 0) return null;
  return (
    <div data-testid="form2-no-proposal">
      <ErrorBar error={refusal ? undefined : action.error} />
      {refusal && <Notice kind="warning" role="alert">{N.refused[refusal]}</Notice>}
      {form2.map((t) => {
        const fy = formatEraFiscalYear(t.fiscalYear!);
        const marker = markers.find((m) => m.department?.id === department.id && m.fiscalYear === t.fiscalYear && m.status === "noProposal");
        if (t.noProposal && marker)
          return (
            <FocusedResult key={t.key} focus={justDone === t.refId}>
              <Notice kind="info">{fmt(N.submittedOn, fy, formatEraDate(tokyoDate(marker.modified)))}</Notice>
            </FocusedResult>
          );
        if (t.state === "done" || !canAct) return null;
        return (
          <div key={t.key} style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8, margin: "4px 0 8px" }}>
            <span style={{ flex: "1 1 260px", overflowWrap: "anywhere" }}>{fmt(N.hint, fy)}</span>
            <Button
              iconName="StatusCircleBlock"
              disabled={action.busy}
              onClick={() => {
                action.clear();
                setConfirming(t);
              }}
            >
              {N.action}
            </Button>
          </div>
        );
      })}
      {confirming && (
        <ConfirmDialog
          title={N.action}
          text={fmt(N.confirm, formatEraFiscalYear(confirming.fiscalYear!))}
          confirm={N.action}
          busy={action.busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const t = confirming;
            void action
              .run(async () => {
                await service.submitNoProposal({ id: t.refId, title: t.title, form: "form2", fiscalYear: t.fiscalYear! }, department);
              })
              .then((ok) => {
                setConfirming(null);
                if (ok) setJustDone(t.refId);
                // Reloaded either way: a refusal may mean a proposal was added meanwhile.
                onChanged();
              });
          }}
        />
      )}
    </div>
  );
}

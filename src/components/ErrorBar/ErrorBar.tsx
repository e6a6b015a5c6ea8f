import * as React from "react";
import { Button, Notice } from "../light";
import * as common from "CommonStrings";
import { isDataError } from "../../data/contracts";
import { isRuleError } from "../../data/services/ServiceBase";
import { SUBMISSION_CODES } from "../problems";

export interface IErrorBarProps {
  error: unknown;
  onReload?: () => void;
  /** Label of the reload button, e.g. "reload and keep my input" on a conflict. */
  reloadLabel?: string;
}

/** A data-layer error in the user's language, with a way out (reload). */
export function ErrorBar({ error, onReload, reloadLabel }: IErrorBarProps): JSX.Element | null {
  if (!error) return null;
  const rule = isRuleError(error) ? error.problems.map((p) => p.code).find((c): c is (typeof SUBMISSION_CODES)[number] => (SUBMISSION_CODES as readonly string[]).includes(c)) : undefined;
  if (rule) {
    return (
      <Notice kind="warning" role="alert" actions={onReload ? <Button small onClick={onReload}>{common.Reload}</Button> : undefined}>
        {common.Submission[rule]}
      </Notice>
    );
  }
  const kind = isDataError(error) ? error.kind : "unknown";
  // Reading again does not give a permission (issue 33, point 9): no 再読み込み beside 権限がありません.
  const reload = onReload && kind !== "forbidden" ? <Button small onClick={onReload}>{reloadLabel ?? common.Reload}</Button> : undefined;
  return (
    <Notice kind={kind === "conflict" || kind === "throttled" ? "warning" : "error"} role="alert" actions={reload}>
      {isDataError(error) && error.detail?.outcomeUnknown ? common.OutcomeUnknown : common.Errors[kind]}
    </Notice>
  );
}
